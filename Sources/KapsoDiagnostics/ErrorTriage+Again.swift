internal import KapsoClient

// MARK: - A message that failed twice, with two codes

extension ErrorTriage {
    /// The primary codes (`MessageError.primary`) of `history`'s other failed statuses than the failure's own `errors`, in
    /// order: the same send reported again (Meta's `failed` is final, status webhook reference), e.g. a 131049 before the
    /// 131026 the failure is listed under (tester48's notes: S02, sent → failed 131049 → failed 131026). Each message is
    /// one failure, under its failure's code (P37-1); these are said on its row, never counted as another failure.
    static func otherFailures(_ history: StatusHistory, besides errors: [MessageError]) -> [MessageError] {
        var again: [MessageError] = []
        for failure in history.distinctFailures {
            guard let other = MessageError.primary(of: failure.errors), !errors.contains(other), !again.contains(other) else { continue }
            again.append(other)
        }
        return again
    }

    /// ` (another failed status of the same message gave 131049 …)`, the flat row's words for `otherFailures`; empty for none.
    static func againText(_ again: [MessageError]) -> String {
        again.isEmpty ? "" : " (another failed status of the same message gave " + again.map(\.headline).joined(separator: ", ") + ")"
    }

    /// The codes of `otherFailures` for a failed message entry's message (`json`), empty for any other.
    static func otherFailedCodes(of json: JSONObject) -> [String] {
        guard let message = try? Message(json: json), message.isOutbound else { return [] }
        let history = StatusHistory(message: message)
        return otherFailures(history, besides: MessageError.ofFailure(json, history: history)).map { $0.code ?? "an entry without a code" }
    }
}
