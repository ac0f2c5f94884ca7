//! Work done on two threads where the machine has them, with the outcome
//! of doing it on one.

/// Whether the machine has a thread to spare for work beside this one.
pub(crate) fn spare_thread() -> bool {
    std::thread::available_parallelism().is_ok_and(|threads| threads.get() > 1)
}

/// Runs `aside` and `here` at once where `worth_a_thread` and the machine
/// has a thread to spare, else one after the other: both only write what
/// they are given, so the outcome is the same.
pub(crate) fn beside(worth_a_thread: bool, aside: impl FnOnce() + Send, here: impl FnOnce()) {
    if !(worth_a_thread && spare_thread()) {
        aside();
        here();
        return;
    }
    // Taken by whichever thread runs it: the new one, or this one if no
    // thread could be had.
    let aside = std::sync::Mutex::new(Some(aside));
    let run_aside = || {
        let taken = aside.lock().ok().and_then(|mut slot| slot.take());
        if let Some(aside) = taken {
            aside();
        }
    };
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .name("errcat-beside".to_string())
            .spawn_scoped(scope, run_aside);
        here();
        if thread.is_err() {
            run_aside();
        }
    });
}
