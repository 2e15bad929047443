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

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use super::Password;
use crate::config::Argon2Settings;
use crate::error::Error;

type Job = Box<dyn FnOnce() + Send + 'static>;

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
                    loop {
                        let job = {
                            let guard = receiver.lock().unwrap_or_else(|p| p.into_inner());
                            guard.recv()
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => break, // every sender is gone: the service is shutting down
                        }
                    }
                })
                .map_err(|e| format!("cannot start hashing thread: {e}"))?;
        }
        let dummy = hash_with(&params, super::generate().as_str())?;
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
        self.run(move || hash_with(&params, &text).map_err(Error::internal))
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
        self.run(move || {
            let Ok(parsed) = PasswordHash::new(&phc) else {
                // A corrupt stored hash never matches; log it, but never with the hash itself.
                tracing::warn!("a stored password hash could not be parsed");
                return Ok(Verification {
                    matches: false,
                    needs_rehash: false,
                });
            };
            let matches = Argon2::default()
                .verify_password(text.as_bytes(), &parsed)
                .is_ok()
                && real;
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
        work: impl FnOnce() -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Error> {
        use std::sync::atomic::Ordering;
        let (tx, rx) = tokio::sync::oneshot::channel();
        let pending = Arc::clone(&self.pending);
        pending.fetch_add(1, Ordering::Relaxed);
        let done = Arc::clone(&pending);
        let job: Job = Box::new(move || {
            let _ = tx.send(work());
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

fn hash_with(params: &Params, password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| format!("argon2: {e}"))
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
