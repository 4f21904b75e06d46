internal import KopsShell

/// A session's history lines on their way to the file: a line the file does not take (a full disk, a quota) is held
/// and written before the next one, and the first failure is said once, naming the file and the cause (probe27 P27-20:
/// on a full disk every line of the session was dropped without a word, the old file kept).
public struct HistorySaving: Sendable {
    /// Lines typed this session that are not in the file yet, oldest first (at most the file's `limit`).
    public private(set) var held: [String] = []
    private var told = false

    public init() {}

    /// The file's trouble was already said (at start): no warning is given when a line does not reach it.
    public mutating func markSaid() {
        told = true
    }

    /// Drops the newest held line that is `line`: one refused for the secret it holds, which the file never gets.
    public mutating func drop(_ line: String) {
        if let last = held.lastIndex(of: line) { held.remove(at: last) }
    }

    /// Appends the held lines, then `line`, to `file` in order, stopping at the first that fails; the one warning to
    /// show the first time one fails, else nil.
    public mutating func save(_ line: String, to file: HistoryFile) -> String? {
        held.append(line)
        if held.count > max(file.limit, 1) { held.removeFirst(held.count - max(file.limit, 1)) }
        while let next = held.first {
            if let problem = file.append(next) {
                guard !told else { return nil }
                told = true
                return "warning: history not saved to \(file.path) (\(problem)); this session's lines are kept in "
                    + "memory and written once it takes them, or lost at exit"
            }
            held.removeFirst()
        }
        return nil
    }
}
