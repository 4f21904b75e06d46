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
}
