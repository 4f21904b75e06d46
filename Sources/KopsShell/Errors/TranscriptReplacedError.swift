/// The transcript a session was recording was replaced by another file (another kops's `record FILE --force`): the
/// recording stopped there, so the two sessions' blocks are not mixed in one file (probe24 P24-10).
public struct TranscriptReplacedError: KopsError, Equatable {
    /// The transcript as the user named it.
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public var message: String {
        "\(path) was replaced by another program; recording stopped (nothing more was written to it); "
            + "'record NEW.md' to go on recording in a new file"
    }

    public var exitStatus: ExitStatus { .failure }
}
