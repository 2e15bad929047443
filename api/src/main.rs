//! The `sspr` binary: parse the command line, load settings, start logging, run the server.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use sspr::app::Application;
use sspr::clock::SystemClock;
use sspr::config::{Config, LogFormat, Settings};
use sspr::directory::bootstrap::Bootstrap;

const USAGE: &str = "usage: sspr [--config PATH]      run the service
       sspr openapi              print the OpenAPI document
       sspr [--config PATH] admin COMMAND   on the configured database, audited as the console:
         create-admin USERNAME EMAIL [DISPLAY NAME]
                                 a new administrator (built-in directory); prints a one-time password
         promote USERNAME        make USERNAME an administrator (when every administrator is lost)
         reset-password USERNAME set a one-time password for USERNAME and print it
         import-users FILE.csv   people into the built-in directory (columns: username, display_name,
                                 email; optional mobile_phone, groups (a;b), is_admin, password_hash)
         export-audit --since DATE [--until DATE] [--format jsonl|csv]
                                 the audit log to standard output, oldest first (DATE: 2026-12-01 or RFC 3339)
         check-config            reach the database, the directory, SMTP and the SMS gateway
exit codes: 0 done; 1 failed (refused, not found, or a check failed); 2 wrong usage or settings
";

/// A console command on the configured database (`sspr admin …`).
enum Console {
    CreateAdmin {
        username: String,
        email: String,
        display_name: String,
    },
    Promote(String),
    ResetPassword(String),
    ExportAudit {
        since: chrono::DateTime<chrono::Utc>,
        until: Option<chrono::DateTime<chrono::Utc>>,
        format: sspr::console::ExportFormat,
    },
    CheckConfig,
    ImportUsers(std::path::PathBuf),
}

/// A date (`2026-12-01`, midnight UTC) or an RFC 3339 time.
fn parse_time(text: &str) -> Option<chrono::DateTime<chrono::Utc>> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(t.with_timezone(&chrono::Utc));
    }
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// `admin …`'s words after `admin`.
fn parse_console(words: &[String]) -> Result<Console, String> {
    let word = |i: usize| words.get(i).map(String::as_str);
    match (word(0), words.len()) {
        (Some("create-admin"), 3..) => Ok(Console::CreateAdmin {
            username: words[1].clone(),
            email: words[2].clone(),
            display_name: words[3..].join(" "),
        }),
        (Some("promote"), 2) => Ok(Console::Promote(words[1].clone())),
        (Some("reset-password"), 2) => Ok(Console::ResetPassword(words[1].clone())),
        (Some("check-config"), 1) => Ok(Console::CheckConfig),
        (Some("import-users"), 2) => Ok(Console::ImportUsers(PathBuf::from(&words[1]))),
        (Some("export-audit"), _) => {
            let (mut since, mut until, mut format) =
                (None, None, sspr::console::ExportFormat::Jsonl);
            let mut rest = words[1..].iter();
            while let Some(flag) = rest.next() {
                let value = rest.next().ok_or_else(|| format!("{flag} needs a value"))?;
                match flag.as_str() {
                    "--since" => {
                        since = Some(
                            parse_time(value)
                                .ok_or("--since: a date (2026-12-01) or an RFC 3339 time")?,
                        )
                    }
                    "--until" => {
                        until = Some(
                            parse_time(value)
                                .ok_or("--until: a date (2026-12-01) or an RFC 3339 time")?,
                        )
                    }
                    "--format" => {
                        format = sspr::console::ExportFormat::parse(value)
                            .ok_or("--format: jsonl or csv")?
                    }
                    other => return Err(format!("export-audit does not take `{other}`")),
                }
            }
            Ok(Console::ExportAudit {
                since: since.ok_or("export-audit needs --since")?,
                until,
                format,
            })
        }
        _ => Err("admin needs a command".to_owned()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut config_path: Option<PathBuf> = None;
    let mut console: Option<Console> = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "admin" => {
                let words: Vec<String> = iter.by_ref().cloned().collect();
                match parse_console(&words) {
                    Ok(command) => console = Some(command),
                    Err(e) => {
                        eprint!("sspr admin: {e}\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            "openapi" => {
                print!("{}", sspr::http::openapi_json());
                return ExitCode::SUCCESS;
            }
            "--config" => match iter.next() {
                Some(p) => config_path = Some(PathBuf::from(p)),
                None => {
                    eprint!("--config needs a path\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprint!("unknown argument `{other}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let config =
        match Settings::load(config_path.as_deref()).and_then(|s| Config::from_settings(&s)) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("sspr: {e}");
                return ExitCode::from(2);
            }
        };
    init_logging(config.log_format, console.is_some());
    if console.is_some() {
        sspr::audit::stream::set_output(sspr::audit::stream::Output::Stderr);
    }
    if let Some(command) = console {
        return run_console(config, command);
    }
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("sspr: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let env = config.env;
    let database = config.database.clone();
    let public_url = config.public_url.clone();
    let host = config.bind.ip();
    let app = Application::build(config, Arc::new(SystemClock)).await?;
    match app.bootstrap() {
        Bootstrap::NotNeeded => {}
        Bootstrap::Created { username } => {
            tracing::info!(%username, "created the bootstrap administrator with the configured password");
        }
        Bootstrap::CreatedWithGeneratedPassword { username, password } => {
            // Printed once, on the console only: never through the logger, whose output may be
            // shipped elsewhere. The person must change it at the first sign-in.
            eprintln!(
                "\n=====================================================================\n\
                 Bootstrap administrator created.\n\
                 \x20 username: {username}\n\
                 \x20 one-time password: {password}\n\
                 Sign in and change it now; it is not shown again.\n\
                 =====================================================================\n"
            );
            tracing::warn!(%username, "created the bootstrap administrator; its one-time password was printed on the console");
        }
    }
    match app.metrics_addr() {
        Some(addr) => tracing::info!(%addr, "metrics at http://{addr}/metrics"),
        None => tracing::info!("metrics are off (SSPR_METRICS_BIND=off)"),
    }
    let address = std::net::SocketAddr::new(host, app.port());
    tracing::info!(
        environment = ?env,
        backend = database.backend_name(),
        %address,
        %public_url,
        "listening on http://{address}; API explorer at {public_url}/docs/"
    );
    app.run_until_stopped().await?;
    Ok(())
}

/// Logging for the service (standard output, `info`), or for a console command (standard
/// error, warnings only: its standard output is its answer, an export for instance).
fn init_logging(format: LogFormat, console: bool) {
    use tracing_subscriber::EnvFilter;
    let default = if console {
        "warn"
    } else {
        "info,actix_server=warn"
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    match (format, console) {
        (LogFormat::Json, false) => builder.json().flatten_event(true).init(),
        (LogFormat::Text, false) => builder.init(),
        (LogFormat::Json, true) => builder
            .json()
            .flatten_event(true)
            .with_writer(std::io::stderr)
            .init(),
        (LogFormat::Text, true) => builder.with_writer(std::io::stderr).init(),
    }
}

/// The async runtime, or `None` (said on stderr) when it cannot start.
fn runtime() -> Option<tokio::runtime::Runtime> {
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => Some(r),
        Err(e) => {
            eprintln!("sspr: cannot start the runtime: {e}");
            None
        }
    }
}

/// Runs one console command and prints its outcome; nothing is served.
fn run_console(config: Config, command: Console) -> ExitCode {
    let Some(runtime) = runtime() else {
        return ExitCode::FAILURE;
    };
    let outcome: Result<String, String> = runtime.block_on(async {
        let ctx = Application::context(config, Arc::new(SystemClock))
            .await
            .map_err(|e| e.to_string())?;
        match command {
            Console::CreateAdmin {
                username,
                email,
                display_name,
            } => {
                let password = sspr::directory::bootstrap::console_create_admin(
                    &ctx,
                    &username,
                    &email,
                    &display_name,
                )
                .await
                .map_err(|e| describe(&e))?;
                Ok(format!(
                    "administrator {username} created; one-time password (to be changed at the first sign-in): {password}"
                ))
            }
            Console::Promote(username) => {
                sspr::directory::bootstrap::console_promote(&ctx, &username)
                    .await
                    .map_err(|e| describe(&e))?;
                Ok(format!("{username} is now an administrator"))
            }
            Console::ResetPassword(username) => {
                let password = sspr::directory::bootstrap::console_reset_password(&ctx, &username)
                    .await
                    .map_err(|e| describe(&e))?;
                Ok(format!(
                    "one-time password for {username} (to be changed at the next sign-in): {password}"
                ))
            }
            Console::ExportAudit {
                since,
                until,
                format,
            } => {
                let mut out = std::io::stdout().lock();
                let count = sspr::console::export_audit(&ctx, since, until, format, &mut out)
                    .await
                    .map_err(|e| describe(&e))?;
                eprintln!("{count} audit entries exported");
                Ok(String::new())
            }
            Console::ImportUsers(path) => {
                let file = std::fs::File::open(&path)
                    .map_err(|e| format!("{}: {e}", path.display()))?;
                let done = sspr::directory::import::import_users(&ctx, std::io::BufReader::new(file))
                    .await
                    .map_err(|e| describe(&e))?;
                let mut report = format!(
                    "{} people imported, {} groups created",
                    done.created, done.groups_created
                );
                if !done.skipped.is_empty() {
                    report.push_str(&format!(
                        "; {} skipped (they exist already): {}",
                        done.skipped.len(),
                        done.skipped.join(", ")
                    ));
                }
                Ok(report)
            }
            Console::CheckConfig => {
                let checks = sspr::console::check_config(&ctx).await;
                let mut report = String::new();
                let mut failed = false;
                for c in &checks {
                    let (mark, text) = match &c.outcome {
                        Ok(t) => ("ok  ", t),
                        Err(t) => {
                            failed = true;
                            ("FAIL", t)
                        }
                    };
                    report.push_str(&format!("{mark} {:<24} {text}\n", c.what));
                }
                if failed {
                    print!("{report}");
                    Err("some checks failed".to_owned())
                } else {
                    Ok(report.trim_end().to_owned())
                }
            }
        }
    });
    match outcome {
        Ok(message) => {
            if !message.is_empty() {
                println!("{message}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sspr: {e}");
            ExitCode::FAILURE
        }
    }
}

/// An error as the console says it: the message, and each field's problem.
fn describe(e: &sspr::error::Error) -> String {
    match e {
        sspr::error::Error::Validation(fields) => fields
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}
