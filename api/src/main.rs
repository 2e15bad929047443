//! The `sspr` binary: parse the command line, load settings, start logging, run the server.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use sspr::app::Application;
use sspr::clock::SystemClock;
use sspr::config::{Config, LogFormat, Settings};
use sspr::directory::bootstrap::Bootstrap;

const USAGE: &str = "usage: sspr [--config PATH]      run the service\n       sspr openapi              print the OpenAPI document\n       sspr [--config PATH] admin promote USERNAME\n                                 make USERNAME an administrator (when every administrator is lost)\n       sspr [--config PATH] admin reset-password USERNAME\n                                 set a one-time password for USERNAME and print it\n";

/// A console command on the configured database: `admin promote|reset-password USERNAME`.
enum Console {
    Promote(String),
    ResetPassword(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut config_path: Option<PathBuf> = None;
    let mut console: Option<Console> = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "admin" => {
                let (command, username) = (iter.next(), iter.next());
                console = match (command.map(String::as_str), username) {
                    (Some("promote"), Some(u)) => Some(Console::Promote(u.clone())),
                    (Some("reset-password"), Some(u)) => Some(Console::ResetPassword(u.clone())),
                    _ => {
                        eprint!(
                            "admin needs `promote USERNAME` or `reset-password USERNAME`\n{USAGE}"
                        );
                        return ExitCode::from(2);
                    }
                };
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
    init_logging(config.log_format);
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

fn init_logging(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    match format {
        LogFormat::Json => builder.json().flatten_event(true).init(),
        LogFormat::Text => builder.init(),
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
            Console::Promote(username) => {
                sspr::directory::bootstrap::console_promote(&ctx, &username)
                    .await
                    .map_err(|e| e.to_string())?;
                Ok(format!("{username} is now an administrator"))
            }
            Console::ResetPassword(username) => {
                let password = sspr::directory::bootstrap::console_reset_password(&ctx, &username)
                    .await
                    .map_err(|e| e.to_string())?;
                Ok(format!(
                    "one-time password for {username} (to be changed at the next sign-in): {password}"
                ))
            }
        }
    });
    match outcome {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sspr: {e}");
            ExitCode::FAILURE
        }
    }
}
