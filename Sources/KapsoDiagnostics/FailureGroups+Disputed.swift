public import KapsoClient

// MARK: - Sends Kapso's status and Meta's history disagree on (tester64 T8, tester64b U3)

extension FailureGroups {
    /// True for a failure whose send Kapso's status and Meta's history disagree on (`ErrorTriage.Entry.kapsoDisagrees`),
    /// unless it is counted apart already: reported delivered or read too (`alsoReached`) or seen by the contact.
    static func isDisputed(_ entry: ErrorTriage.Entry) -> Bool {
        entry.kapsoDisagrees && entry.alsoReached == nil && entry.seenByContact == nil
    }

    /// The disputed sends among `entries` (`isDisputed`), one per message: `disputed`, and `errors --flat`'s count.
    public static func disputedCount(_ entries: [ErrorTriage.Entry]) -> Int {
        Set(entries.filter(isDisputed).compactMap { $0.wamid.map(StatusHistory.messageKey) }).count
    }

    /// The headline of a group of disputed sends, hedged as its rows' meaning is (tester64b U3: "1 message failed with
    /// failed (Kapso's status only)" for a send Meta reported delivered): `2 messages with 131026 (receiver incapable)
    /// that Kapso's status and Meta's history disagree on: not certain to have failed`, or, with no error code (`code` is
    /// then the entry's words), `1 message Kapso's status marks failed while Meta's history has no failure code: …`.
    static func disputedHeadline(_ count: Int, code: String, name: String) -> String {
        let messages = IDResolver.plural(count, "message")
        let hedge = ": not certain to have failed"
        guard !code.isEmpty, code.allSatisfy(\.isNumber) else {
            return "\(messages) Kapso's status marks failed while Meta's history has no failure code" + hedge
        }
        return "\(messages) with \(code)\(name) that Kapso's status and Meta's history disagree on" + hedge
    }
}
