//! Spreading independent work over the machine's cores, for the few places
//! where it pays: sealing and opening many records, parsing many records;
//! and scrubbing the stacks that did it.

/// How much of a thread's stack [`scrub_stack`] overwrites: far more than
/// opening or sealing a bucket ever uses.
const SCRUB_BYTES: usize = 64 * 1024;

/// Maps `work` over `items` on up to eight threads, keeping the order; the
/// first error (in item order) wins. A few items stay on this thread. The
/// work here is sealing and opening records, so every thread that did some
/// scrubs its stack after it.
pub(crate) fn map<T: Sync, U: Send, E: Send>(
    items: &[T],
    work: impl Fn(&T) -> Result<U, E> + Sync,
) -> Result<Vec<U>, E> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    if items.len() < 64 || workers == 1 {
        let done = items.iter().map(&work).collect();
        scrub_stack();
        return done;
    }
    let chunk = items.len().div_ceil(workers);
    let work = &work;
    let parts: Vec<Result<Vec<U>, E>> = std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    let done = part.iter().map(work).collect();
                    scrub_stack();
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| match handle.join() {
                Ok(result) => result,
                // A panic in `work` is a bug; carry it to the caller's thread.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    let mut out = Vec::with_capacity(items.len());
    for part in parts {
        out.extend(part?);
    }
    Ok(out)
}

/// Overwrites the stack below the caller with zeros. A cipher leaves the
/// last, partly filled block of what it decrypted in its stack frame, and a
/// decoder its own pieces; and a thread's stack outlives the thread, kept by
/// the C library for the next one. Without this, locking would leave bits
/// of records there (`tests/memory_after_lock.rs` found them).
#[inline(never)]
pub(crate) fn scrub_stack() {
    let mut zeros = [0u8; SCRUB_BYTES];
    // Makes the compiler write the zeros, though nothing reads them.
    std::hint::black_box(&mut zeros);
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order_and_reports_the_first_error() {
        let items: Vec<u32> = (0..10_000).collect();
        let doubled = super::map(&items, |n| Ok::<_, ()>(n * 2)).unwrap();
        assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
        let failed = super::map(&items, |n| {
            if *n >= 7000 || *n == 3 {
                Err(*n)
            } else {
                Ok(*n)
            }
        });
        assert_eq!(failed, Err(3));
    }
}
