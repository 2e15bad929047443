//! argon2id on a dedicated pool of threads with a bounded queue.
//!
//! Hashing is the most expensive thing the service does (tens of milliseconds of CPU and
//! 19 MiB of memory each). It must never run on the async workers, and a flood of sign-ins
//! must not queue without bound: when the queue is full the caller gets
//! [`Error::Overloaded`] at once (503 + Retry-After) instead of a server that stalls for
//! everyone. The pool is separate from tokio's blocking pool so that database calls keep
//! flowing while it is saturated.

use std::sync::mpsc::{SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};

use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

use super::Password;
use crate::config::Argon2Settings;
use crate::error::Error;

type Job = Box<dyn FnOnce(&mut Memory) + Send + 'static>;

/// argon2's working memory (19 MiB at the default parameters), kept by each hashing thread
/// from one hash to the next. A fresh allocation of that size comes from the kernel as new
/// pages: a page fault and a page of zeroes for each of its 4,864 pages, every time, and an
/// `munmap` after — measurable work that bought nothing. argon2 overwrites every block it
/// reads, so reuse changes no result; what it leaves behind is the state of the last hash,
/// which the thread's next hash overwrites.
#[derive(Default)]
pub struct Memory(Vec<Block>);

impl Memory {
    fn blocks(&mut self, params: &Params) -> &mut [Block] {
        let needed = params.block_count();
        if self.0.len() < needed {
            self.0.resize(needed, Block::default());
        }
        &mut self.0[..needed]
    }
}

/// The result of checking a password against a stored hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verification {
    pub matches: bool,
    /// The hash was made with other parameters than the configured ones: re-hash now that the
    /// password is known.
    pub needs_rehash: bool,
}

#[derive(Clone)]
pub struct Hasher {
    params: Params,
    queue: SyncSender<Job>,
    /// A hash of a random password, checked when there is no real hash (unknown user, no
    /// password set) so that such a sign-in costs the same time as a real one.
    dummy_hash: Arc<String>,
    /// Jobs queued or running (for the metrics).
    pending: Arc<std::sync::atomic::AtomicUsize>,
}

impl Hasher {
    pub fn new(settings: Argon2Settings, workers: usize, queue: usize) -> Result<Self, String> {
        let params = Params::new(
            settings.memory_kib,
            settings.iterations,
            settings.parallelism,
            None,
        )
        .map_err(|e| format!("argon2 parameters: {e}"))?;
        let (sender, receiver) = sync_channel::<Job>(queue);
        let receiver = Arc::new(Mutex::new(receiver));
        for i in 0..workers.max(1) {
            let receiver = Arc::clone(&receiver);
            std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    let mut memory = Memory::default();
                    loop {
                        let job = {
                            let guard = receiver.lock().unwrap_or_else(|p| p.into_inner());
                            guard.recv()
                        };
                        match job {
                            Ok(job) => job(&mut memory),
                            Err(_) => break, // every sender is gone: the service is shutting down
                        }
                    }
                })
                .map_err(|e| format!("cannot start hashing thread: {e}"))?;
        }
        let dummy = hash_with(&params, super::generate().as_str(), &mut Memory::default())?;
        Ok(Self {
            params,
            queue: sender,
            dummy_hash: Arc::new(dummy),
            pending: Arc::default(),
        })
    }

    /// Jobs queued or running now.
    pub fn pending(&self) -> usize {
        self.pending.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Hashes a password into a PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
    pub async fn hash(&self, password: &Password) -> Result<String, Error> {
        let params = self.params.clone();
        let text = password.expose().to_owned();
        self.run(move |memory| hash_with(&params, &text, memory).map_err(Error::internal))
            .await
    }

    /// Checks `password` against `phc`; with `None` (no such user, no password) it checks a
    /// dummy hash and reports no match, costing the same time.
    pub async fn verify(
        &self,
        password: &Password,
        phc: Option<&str>,
    ) -> Result<Verification, Error> {
        let real = phc.is_some();
        let phc = phc
            .map(str::to_owned)
            .unwrap_or_else(|| (*self.dummy_hash).clone());
        let params = self.params.clone();
        let text = password.expose().to_owned();
        self.run(move |memory| {
            // Imported from another system (`sspr admin import-users`): bcrypt verifies, and a
            // match is replaced by argon2id at once.
            if phc.starts_with("$2") {
                let matches = bcrypt::verify(&text, &phc).unwrap_or(false) && real;
                return Ok(Verification {
                    matches,
                    needs_rehash: matches,
                });
            }
            let Ok(parsed) = PasswordHash::new(&phc) else {
                // A corrupt stored hash never matches; log it, but never with the hash itself.
                tracing::warn!("a stored password hash could not be parsed");
                return Ok(Verification {
                    matches: false,
                    needs_rehash: false,
                });
            };
            let matches = verify_with(&parsed, text.as_bytes(), memory) && real;
            let needs_rehash = matches && !same_params(&parsed, &params);
            Ok(Verification {
                matches,
                needs_rehash,
            })
        })
        .await
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Memory) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Error> {
        use std::sync::atomic::Ordering;
        let (tx, rx) = tokio::sync::oneshot::channel();
        let pending = Arc::clone(&self.pending);
        pending.fetch_add(1, Ordering::Relaxed);
        let done = Arc::clone(&pending);
        let job: Job = Box::new(move |memory| {
            let _ = tx.send(work(memory));
            done.fetch_sub(1, Ordering::Relaxed);
        });
        match self.queue.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                pending.fetch_sub(1, Ordering::Relaxed);
                return Err(Error::Overloaded {
                    retry_after_secs: 1,
                });
            }
            Err(TrySendError::Disconnected(_)) => {
                pending.fetch_sub(1, Ordering::Relaxed);
                return Err(Error::internal("hashing pool stopped"));
            }
        }
        rx.await
            .map_err(|_| Error::internal("hashing job dropped"))?
    }
}

/// Hashes `password` into a PHC string (argon2id, v19, a fresh random salt) in `memory`. Public
/// so that the argon2 floor benchmark (`api/examples/argon2_floor.rs`) measures exactly this.
pub fn hash_with(params: &Params, password: &str, memory: &mut Memory) -> Result<String, String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt
        .as_salt()
        .decode_b64(&mut salt_bytes)
        .map_err(|e| format!("argon2 salt: {e}"))?;
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let length = params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    let output = Output::init_with(length, |out| {
        argon2
            .hash_password_into_with_memory(
                password.as_bytes(),
                salt_bytes,
                out,
                memory.blocks(params),
            )
            .map_err(|_| argon2::password_hash::Error::Crypto)
    })
    .map_err(|e| format!("argon2: {e}"))?;
    let hash = PasswordHash {
        algorithm: argon2::ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(params).map_err(|e| format!("argon2: {e}"))?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(hash.to_string())
}

/// Recomputes a stored hash with its own algorithm, version and parameters (older hashes keep
/// verifying after the parameters are raised) and compares in constant time (`Output`'s `==`).
fn verify_with(stored: &PasswordHash<'_>, password: &[u8], memory: &mut Memory) -> bool {
    let (Some(expected), Some(salt)) = (stored.hash, stored.salt) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(stored.algorithm) else {
        return false;
    };
    let version = match stored.version.map(Version::try_from).transpose() {
        Ok(v) => v.unwrap_or_default(),
        Err(_) => return false,
    };
    let Ok(params) = Params::try_from(stored) else {
        return false;
    };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_bytes) else {
        return false;
    };
    let argon2 = Argon2::new(algorithm, version, params.clone());
    Output::init_with(expected.len(), |out| {
        argon2
            .hash_password_into_with_memory(password, salt_bytes, out, memory.blocks(&params))
            .map_err(|_| argon2::password_hash::Error::Crypto)
    })
    .is_ok_and(|computed| computed == expected)
}

fn same_params(hash: &PasswordHash<'_>, wanted: &Params) -> bool {
    if hash.algorithm.as_str() != "argon2id" || hash.version != Some(Version::V0x13.into()) {
        return false;
    }
    match Params::try_from(hash) {
        Ok(p) => {
            p.m_cost() == wanted.m_cost()
                && p.t_cost() == wanted.t_cost()
                && p.p_cost() == wanted.p_cost()
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cheap() -> Argon2Settings {
        Argon2Settings {
            memory_kib: 1024,
            iterations: 1,
            parallelism: 1,
        }
    }

    #[tokio::test]
    async fn hashes_verify_and_carry_their_parameters() {
        let h = Hasher::new(cheap(), 1, 4).unwrap();
        let pw = Password::parse("correct horse battery staple", "p").unwrap();
        let phc = h.hash(&pw).await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=1024,t=1,p=1$"), "{phc}");
        let ok = h.verify(&pw, Some(&phc)).await.unwrap();
        assert_eq!(
            ok,
            Verification {
                matches: true,
                needs_rehash: false
            }
        );
        let wrong = Password::parse("incorrect horse", "p").unwrap();
        assert!(!h.verify(&wrong, Some(&phc)).await.unwrap().matches);
    }

    #[tokio::test]
    async fn a_hash_made_with_other_parameters_asks_for_a_rehash() {
        let old = Hasher::new(cheap(), 1, 4).unwrap();
        let pw = Password::parse("correct horse battery staple", "p").unwrap();
        let phc = old.hash(&pw).await.unwrap();
        let new = Hasher::new(
            Argon2Settings {
                memory_kib: 2048,
                iterations: 1,
                parallelism: 1,
            },
            1,
            4,
        )
        .unwrap();
        assert_eq!(
            new.verify(&pw, Some(&phc)).await.unwrap(),
            Verification {
                matches: true,
                needs_rehash: true
            }
        );
    }

    #[test]
    fn hashes_agree_with_the_argon2_crates_own_hasher_and_verifier() {
        use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
        let params = Params::new(1024, 1, 1, None).unwrap();
        let mut memory = Memory::default();
        // Ours verifies with the crate's verifier…
        let ours = hash_with(&params, "correct horse", &mut memory).unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"correct horse", &parsed)
                .is_ok()
        );
        // …and a hash made by the crate (as every stored hash before this one) verifies with
        // ours, on memory left over from another hash with other parameters.
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let theirs = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(2048, 2, 1, None).unwrap(),
        )
        .hash_password(b"battery staple", &salt)
        .unwrap()
        .to_string();
        let parsed = PasswordHash::new(&theirs).unwrap();
        assert!(verify_with(&parsed, b"battery staple", &mut memory));
        assert!(!verify_with(&parsed, b"battery stapler", &mut memory));
        let legacy = PasswordHash::new(
            "$argon2i$v=19$m=1024,t=2,p=1$c29tZXNhbHQxMjM0$MnW4jMyTHWEdDcrbxHh/yGzNcqt9EXXlE25d3Grqj2A",
        )
        .unwrap();
        assert!(!verify_with(&legacy, b"anything", &mut memory));
    }

    #[tokio::test]
    async fn no_hash_never_matches_even_the_dummy_password() {
        let h = Hasher::new(cheap(), 1, 4).unwrap();
        let pw = Password::parse("anything at all", "p").unwrap();
        assert!(!h.verify(&pw, None).await.unwrap().matches);
    }

    #[tokio::test]
    async fn a_full_queue_sheds_load_instead_of_waiting() {
        let h = Hasher::new(
            Argon2Settings {
                memory_kib: 8192,
                iterations: 3,
                parallelism: 1,
            },
            1,
            1,
        )
        .unwrap();
        let pw = Password::parse("correct horse battery staple", "p").unwrap();
        let results = futures_util::future::join_all((0..8).map(|_| h.hash(&pw))).await;
        assert!(
            results
                .iter()
                .any(|r| matches!(r, Err(Error::Overloaded { .. })))
        );
        assert!(results.iter().any(|r| r.is_ok()));
    }
}
