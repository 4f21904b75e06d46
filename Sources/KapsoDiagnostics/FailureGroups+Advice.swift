internal import KapsoClient

// MARK: - Which advice a group of messages leads with

extension FailureGroups {
    /// True for a received message whose content did not reach the API: any received error but a 131051 of an action that
    /// lost nothing (`UnsupportedContent.lostNothing`: an edit, a revoke, a pin).
    static func lostContent(_ member: Member) -> Bool {
        guard member.received else { return false }
        return !(member.cause.error == "received 131051" && UnsupportedContent.lostNothing(member.item["unsupported"]?["type"]?.string))
    }

    /// A group of failed messages takes its newest member's meaning (of received ones whose advice differs, the newest
    /// that lost content: `lostContent`); when others got another one (131049 to a US number and to another country, a
    /// 131053 whose details name the URL), the group says so instead of giving one member's advice for all.
    static func otherAdvice(_ members: [Member], _ lead: Member) -> String {
        guard lead.source == .message else { return "" }
        let others = members.filter { $0.meaning != lead.meaning }.count
        guard others > 0 else { return "" }
        return "; \(others) of the \(members.count) messages got other advice: 'errors --flat' shows each"
    }

    /// `; 1 of them also failed 131049 (an earlier or later failed status of the same message): each message is counted
    /// once, under the code of its failure ('errors --flat' shows both)`; empty when no member failed with another code
    /// (tester48's notes: the row counted the message under 131026 alone while Meta's statuses held two failures).
    static func alsoFailedNote(_ members: [Member]) -> String {
        let twice = members.filter { !$0.alsoFailed.isEmpty }
        guard !twice.isEmpty else { return "" }
        var codes: [String] = []
        for code in twice.flatMap(\.alsoFailed) where !codes.contains(code) { codes.append(code) }
        let who = members.count == 1 ? "it" : "\(twice.count) of them"
        return "; \(who) also failed \(codes.joined(separator: ", ")) (another failed status of the same message): each message "
            + "is counted once, under the code of its failure ('errors --flat' shows both)"
    }

    /// `meaning` without the flat row's words for the message's other failed statuses (`ErrorTriage.againText`).
    static func withoutAgain(_ meaning: String, json: JSONObject) -> String {
        guard let message = try? Message(json: json) else { return meaning }
        let history = StatusHistory(message: message)
        let again = ErrorTriage.againText(ErrorTriage.otherFailures(history, besides: MessageError.ofFailure(json, history: history)))
        guard !again.isEmpty, meaning.hasSuffix(again) else { return meaning }
        return String(meaning.dropLast(again.count))
    }
}
