//! Runs a set of jobs in parallel, one thread per stack instance. Jobs
//! publish results under keys; other jobs wait for the keys they need, so a
//! stack can start `init` as soon as its backend exists and `plan` once all
//! its inputs are known. A semaphore bounds the terraform processes running
//! at once (`--parallelism`).

use std::collections::HashMap;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

use crate::terraform::Processes;

/// What a key resolved to.
#[derive(Debug, Clone)]
pub enum Published<T> {
    Ok(T),
    /// The producing job failed, was skipped or interrupted.
    Blocked(Blocked),
}

/// Why a job cannot go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocked {
    Failed(String),
    Skipped(String),
    Interrupted,
}

pub struct Board<T> {
    map: Mutex<HashMap<String, Published<T>>>,
    cv: Condvar,
}

impl<T: Clone> Default for Board<T> {
    fn default() -> Self {
        Self {
            map: Mutex::new(HashMap::new()),
            cv: Condvar::new(),
        }
    }
}

impl<T: Clone> Board<T> {
    pub fn publish(&self, key: &str, value: Published<T>) {
        if let Ok(mut m) = self.map.lock() {
            m.entry(key.to_string()).or_insert(value);
        }
        self.cv.notify_all();
    }

    pub fn get(&self, key: &str) -> Option<Published<T>> {
        self.map.lock().ok().and_then(|m| m.get(key).cloned())
    }

    /// Wait until every key is published. The first blocked key blocks the
    /// caller (naming that key); an interrupt stops the wait.
    pub fn wait(&self, keys: &[String], procs: &Processes) -> Result<Vec<T>, Blocked> {
        let Ok(mut m) = self.map.lock() else {
            return Err(Blocked::Interrupted);
        };
        loop {
            for k in keys {
                if let Some(Published::Blocked(b)) = m.get(k) {
                    return Err(match b {
                        Blocked::Interrupted => Blocked::Interrupted,
                        _ => Blocked::Skipped(k.clone()),
                    });
                }
            }
            if keys.iter().all(|k| m.contains_key(k)) {
                return Ok(keys
                    .iter()
                    .filter_map(|k| match m.get(k) {
                        Some(Published::Ok(v)) => Some(v.clone()),
                        _ => None,
                    })
                    .collect());
            }
            if procs.interrupted() {
                return Err(Blocked::Interrupted);
            }
            m = match self.cv.wait_timeout(m, Duration::from_millis(200)) {
                Ok((g, _)) => g,
                Err(_) => return Err(Blocked::Interrupted),
            };
        }
    }
}

/// Counting semaphore for terraform processes.
pub struct Slots {
    free: Mutex<usize>,
    cv: Condvar,
}

pub struct Permit<'a>(&'a Slots);

impl Slots {
    pub fn new(n: usize) -> Self {
        Self {
            free: Mutex::new(n.max(1)),
            cv: Condvar::new(),
        }
    }

    pub fn acquire(&self) -> Permit<'_> {
        if let Ok(free) = self.free.lock() {
            if let Ok(mut free) = self.cv.wait_while(free, |f| *f == 0) {
                *free -= 1;
            }
        }
        Permit(self)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        if let Ok(mut free) = self.0.free.lock() {
            *free += 1;
        }
        self.0.cv.notify_one();
    }
}

/// Run `job` for every id on its own thread and collect the results in the
/// order of `ids`.
pub fn run_all<R, F>(ids: &[String], job: F) -> Vec<R>
where
    R: Send,
    F: Fn(&str) -> R + Sync,
{
    std::thread::scope(|s| {
        let handles: Vec<_> = ids.iter().map(|id| s.spawn(|| job(id))).collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[test]
    fn jobs_wait_for_their_keys_and_blocks_propagate() {
        let board: Board<u32> = Board::default();
        let procs = Processes::new();
        let ids: Vec<String> = ["a", "b", "c", "d"].iter().map(|s| s.to_string()).collect();
        let order = Mutex::new(vec![]);
        let results = run_all(&ids, |id| {
            let (deps, outcome): (Vec<String>, Published<u32>) = match id {
                "a" => (vec![], Published::Ok(1)),
                "b" => (vec!["a".into()], Published::Ok(2)),
                "c" => (vec![], Published::Blocked(Blocked::Failed("boom".into()))),
                _ => (vec!["b".into(), "c".into()], Published::Ok(4)),
            };
            let r = board.wait(&deps, &procs);
            let out = match (&r, outcome) {
                (Ok(_), o) => o,
                (Err(b), _) => Published::Blocked(b.clone()),
            };
            order.lock().unwrap().push(id.to_string());
            board.publish(id, out);
            r
        });
        assert_eq!(results[1], Ok(vec![1]));
        assert_eq!(results[3], Err(Blocked::Skipped("c".into())));
        let order = order.into_inner().unwrap();
        let pos = |x: &str| order.iter().position(|o| o == x).unwrap();
        assert!(pos("a") < pos("b"));
    }

    #[test]
    fn interrupt_stops_waiting() {
        let board: Board<u32> = Board::default();
        let procs = Processes::new();
        procs.interrupt();
        assert_eq!(
            board.wait(&["never".into()], &procs),
            Err(Blocked::Interrupted)
        );
    }

    #[test]
    fn slots_bound_concurrency() {
        let slots = Slots::new(2);
        let running = AtomicUsize::new(0);
        let max = Arc::new(AtomicUsize::new(0));
        let ids: Vec<String> = (0..8).map(|i| i.to_string()).collect();
        run_all(&ids, |_| {
            let _p = slots.acquire();
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            max.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(Duration::from_millis(20));
            running.fetch_sub(1, Ordering::SeqCst);
        });
        assert_eq!(max.load(Ordering::SeqCst), 2);
    }
}
