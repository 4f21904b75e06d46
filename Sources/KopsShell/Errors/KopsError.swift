/// An error a user can see: one line of text and the exit status it maps to.
public protocol KopsError: Error {
    /// What was wrong, then what to do; lowercase, no trailing period, never a secret.
    var message: String { get }
    var exitStatus: ExitStatus { get }
}

/// Exit statuses, after sysexits: wording and numbers are interface.
public enum ExitStatus: Int32, Sendable, Comparable, CaseIterable {
    case ok = 0
    /// A command failed.
    case failure = 1
    /// Bad flag, unknown command, script syntax (EX_USAGE).
    case usage = 64
    /// The input cannot answer the check asked of it: a request-bin export that kept a webhook body as parsed JSON,
    /// whose signed bytes are gone (EX_DATAERR).
    case uncheckable = 65
    /// Script or input file not found (EX_NOINPUT).
    case noInput = 66
    /// Standard output stopped taking text (a full disk, a reader that left the pipe): what was printed is cut short
    /// (EX_IOERR).
    case outputFailed = 74
    /// API unreachable (EX_UNAVAILABLE).
    case unavailable = 69
    /// A write was sent but no answer came, so whether it took effect is unknown (EX_TEMPFAIL's number,
    /// but check before retrying: the change may exist).
    case unknownOutcome = 75
    /// Credentials rejected (EX_NOPERM).
    case noPermission = 77
    /// Ctrl-C stopped a script before its end: 128 + SIGINT, the status shells give a command it stopped.
    case interrupted = 130

    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
