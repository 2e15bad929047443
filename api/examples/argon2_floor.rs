//! The hashing floor of a password reset: raw argon2id hashes per second on this machine, with
//! the crate and the parameters the service uses (`password::hasher`), on N threads for a fixed
//! time. A complete reset hashes at least once (the new password; with the default history of
//! 1 it also verifies the current one), so resets per second can never beat this number.
//!
//! ```sh
//! cargo run --release -p sspr-api --example argon2_floor -- --seconds 10
//! ```
//!
//! Options (all optional): `--seconds S` (10), `--threads N` (the cores), `--memory-kib M`
//! (19456), `--iterations T` (2), `--parallelism P` (1), `--fresh-memory` (allocate argon2's
//! memory for every hash, as the argon2 crate's own `hash_password` does and as the service did
//! before it kept the memory per thread: the before/after of that change). Prints one human line
//! on stderr and one JSON object on stdout (what `bench/run.py` reads).
//!
//! It hashes with the service's own function, `sspr::password::hasher::hash_with`.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHasher as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use sspr::password::hasher::{Memory, hash_with};

struct Options {
    seconds: f64,
    threads: usize,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
    fresh_memory: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        seconds: 10.0,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        memory_kib: 19_456,
        iterations: 2,
        parallelism: 1,
        fresh_memory: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--fresh-memory" {
            options.fresh_memory = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let bad = |e: &dyn std::fmt::Display| format!("{flag} {value}: {e}");
        match flag.as_str() {
            "--seconds" => options.seconds = value.parse().map_err(|e| bad(&e))?,
            "--threads" => options.threads = value.parse().map_err(|e| bad(&e))?,
            "--memory-kib" => options.memory_kib = value.parse().map_err(|e| bad(&e))?,
            "--iterations" => options.iterations = value.parse().map_err(|e| bad(&e))?,
            "--parallelism" => options.parallelism = value.parse().map_err(|e| bad(&e))?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    if options.seconds.is_nan() || options.seconds <= 0.0 || options.threads == 0 {
        return Err("--seconds and --threads must be positive".to_owned());
    }
    Ok(options)
}

/// Hashes until `stop` with the service's function (fresh random salt, PHC string out, this
/// thread's memory kept between hashes), or with a fresh allocation each time.
fn worker(params: Params, fresh: bool, stop: Arc<AtomicBool>) -> Result<(u64, Duration), String> {
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let password = "correct horse battery staple";
    let mut memory = Memory::default();
    let started = Instant::now();
    let mut hashes = 0u64;
    while !stop.load(Ordering::Relaxed) {
        let phc = if fresh {
            let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
            argon2
                .hash_password(password.as_bytes(), &salt)
                .map_err(|e| format!("argon2: {e}"))?
                .to_string()
        } else {
            hash_with(&params, password, &mut memory)?
        };
        std::hint::black_box(phc);
        hashes += 1;
    }
    Ok((hashes, started.elapsed()))
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("argon2_floor: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let o = parse_args()?;
    let params = Params::new(o.memory_kib, o.iterations, o.parallelism, None)
        .map_err(|e| format!("argon2 parameters: {e}"))?;
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let workers: Vec<_> = (0..o.threads)
        .map(|_| {
            let (params, stop, fresh) = (params.clone(), Arc::clone(&stop), o.fresh_memory);
            std::thread::spawn(move || worker(params, fresh, stop))
        })
        .collect();
    std::thread::sleep(Duration::from_secs_f64(o.seconds));
    stop.store(true, Ordering::Relaxed);
    let mut total = 0u64;
    let mut busy = Duration::ZERO;
    for w in workers {
        let (hashes, elapsed) = w.join().map_err(|_| "a hashing thread panicked")??;
        total += hashes;
        busy += elapsed;
    }
    // Each thread finishes the hash it was in when told to stop: count the wall time to the
    // last one, not the nominal duration.
    let wall = started.elapsed().as_secs_f64();
    let per_second = total as f64 / wall;
    let ms_per_hash = if total > 0 {
        busy.as_secs_f64() * 1000.0 / total as f64
    } else {
        0.0
    };
    eprintln!(
        "argon2id m={} KiB t={} p={}: {total} hashes on {} threads in {wall:.2} s = {per_second:.1} hashes/s ({ms_per_hash:.1} ms per hash per thread)",
        o.memory_kib, o.iterations, o.parallelism, o.threads
    );
    println!(
        "{{\"algorithm\":\"argon2id\",\"fresh_memory\":{},\"memory_kib\":{},\"iterations\":{},\"parallelism\":{},\"threads\":{},\"seconds\":{wall:.3},\"hashes\":{total},\"hashes_per_second\":{per_second:.3},\"ms_per_hash_per_thread\":{ms_per_hash:.3}}}",
        o.fresh_memory, o.memory_kib, o.iterations, o.parallelism, o.threads
    );
    Ok(())
}
