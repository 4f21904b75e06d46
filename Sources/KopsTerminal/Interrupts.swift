internal import CKopsShims
internal import Glibc

/// Ctrl-C handling: a flag set by a SIGINT handler, read by libcurl's progress callback and the prompt.
public enum Interrupts {
    /// Installs the handler; from then on Ctrl-C cancels the request in flight instead of killing kops.
    public static func install() {
        kops_sigint_install()
        kops_transcript_guard_install()
    }

    /// While a transcript block is open, SIGTERM, SIGHUP or SIGPIPE (a kill, a closed terminal or ssh session, a
    /// closed pipe) first appends `block.closing` to the file at `block.path`, then ends kops as it would have; nil
    /// forgets the block (it was closed).
    public static func guardTranscript(_ block: (path: String, closing: String)?) {
        guard let block else { return kops_transcript_guard_disarm() }
        kops_transcript_guard_arm(block.path, block.closing)
    }

    /// True when Ctrl-C was pressed since the last call; the press is used up.
    public static func take() -> Bool {
        kops_sigint_take() != 0
    }

    /// From now until `releaseTermination`, SIGTERM and SIGHUP (a `kill`, a closed terminal) stop the command like
    /// Ctrl-C instead of killing kops, so it can undo what it made (`listen --register`'s temporary webhook).
    public static func holdTermination() {
        kops_termination_hold()
    }

    /// Restores SIGTERM and SIGHUP; when one came while held, raises it again now, so kops ends as it would have.
    public static func releaseTermination() {
        let signal = kops_termination_release()
        if signal != 0 { raise(signal) }
    }

    /// The signal (SIGTERM or SIGHUP) that came while held (`holdTermination`), 0 if none; `releaseTermination` still
    /// raises it.
    public static func terminationReceived() -> Int32 {
        Int32(kops_termination_received())
    }

    /// How many times Ctrl-C was pressed since `install`; a request it stopped spends the press, the count stays.
    public static func presses() -> Int {
        Int(kops_sigint_presses())
    }

    /// Stops the command in progress as Ctrl-C would (the request in flight is cancelled, a loop waiting for Ctrl-C
    /// ends), without counting a press: kops's own reason, e.g. standard output that took no more text.
    public static func stopCommand() {
        kops_sigint_stop()
    }

    /// Forgets a Ctrl-C pressed before the next command starts.
    public static func clear() {
        kops_sigint_clear()
    }
}
