/// The transcript a session was recording was replaced by another file (another kops's `record FILE --force`): the
/// recording stopped there, so the two sessions' blocks are not mixed in one file (probe24 P24-10).
public struct TranscriptReplacedError: KopsError, Equatable {
    /// The transcript as the user named it.
    public var path: String
    /// No file is at the path any more (moved or deleted: probe25 P25-11), rather than another file.
    public var moved: Bool

    public init(path: String, moved: Bool = false) {
        self.path = path
        self.moved = moved
    }

    public var message: String {
        moved
            ? "\(path) was moved or deleted by another program (nothing is at that path now); recording stopped: the file, "
                + "wherever it is now, holds what was recorded before this line; 'record NEW.md' to go on recording in a new file"
            : "\(path) was replaced by another program; recording stopped (nothing more was written to it); "
                + "'record NEW.md' to go on recording in a new file"
    }

    public var exitStatus: ExitStatus { .failure }
}
