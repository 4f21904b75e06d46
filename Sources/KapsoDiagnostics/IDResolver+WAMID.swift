internal import KapsoClient

// MARK: - WAMIDs no message of the project has

extension IDResolver {
    /// What WAMID `id` (`WAMID.canonical`'s form, carrying the contact `number`) is; `typed` is what the user typed (a
    /// line that says the id names no message shows that, and what kops looked for apart from it: `asTyped`).
    static func resolveWAMID(_ id: String, contact number: String?, typed: String, facts: Facts) -> Identity {
        let carried = number.map { "the contact \(contact($0))" } ?? "no contact number that can be read"
        // Found whichever `=` padding Kapso stored it with (probe37 P37-15): the same message (StatusHistory.namesSameMessage).
        // Not with `=` beyond what base64 needs that `message` and `trace` never drop: they answer 404 (tester56b AA8).
        let exact = facts.messages.first { $0.id == id }
        let extra = exact == nil ? WAMID.withoutExtraPadding(id, among: facts.messages.map(\.id)) : nil
        guard let message = exact ?? (extra == nil ? facts.messages.first(where: { StatusHistory.namesSameMessage($0.id, id) }) : nil)
        else {
            // The messages could not be listed (500, 429, timeout): nothing says whether the id is this project's
            // (probe6 P6-1: "no message with this id is in this project", exit 0, above "could not check messages").
            if facts.failed.contains(where: { if case .message = $0 { true } else { false } }) {
                var identity = Identity(
                    input: id, kind: .wamid,
                    statement: "\(id) is a WAMID carrying \(carried); could not tell whether it is this project's: could not check "
                        + list(facts.unchecked),
                    fix: "try again when the API answers; 'message \(id)' asks Kapso for it by id")
                identity.incomplete = true
                if let number {
                    identity.details = [Identity.Detail("contact (from the id)", contact(number))]
                    identity.contacts = [(number, nil)]
                }
                return identity
            }
            // Found by listing (no 404 left in the project's log): say what was listed. A contact's messages are
            // listed by the number the id carries, and Kapso's `phone_number` can be null while business-scoped
            // fields are present (Kapso docs, "WhatsApp data"): not finding it there proves nothing about the
            // project, so only the whole project's messages, read to the end, say "not in this project".
            let capped = facts.capped.contains { if case .message = $0 { true } else { false } }
            let listed = number == nil ? "this project's newest messages" : "the messages of that contact"
            let statement: String
            if capped {
                statement = "\(id) is a WAMID carrying \(carried); it is not among the \(facts.messages.count) newest of \(listed) read"
            } else if let number, !WAMID.hasMessage(of: number, in: facts.messages),
                !facts.conversations.contains(where: { $0.contact?.filter(\.isNumber) == number })
            {
                // Listed by that number and none is to or from it: not "that contact's messages", there are none (tester47 L7).
                statement = "\(id) is a WAMID carrying \(contact(number)), which is not a contact of this project: no message to "
                    + "or from it is listed (listed by that number); the id is most likely another project's"
            } else if number != nil {
                statement = "\(id) is a WAMID carrying \(carried), but none of that contact's messages has this id "
                    + "(listed by the number it carries)"
            } else {
                statement = "\(id) is a WAMID carrying \(carried), but no message with this id is in this project (\(listed) searched)"
            }
            // An id whose bytes stop short is not offered as another project's (tester56 Z1).
            let cut = WAMID.mayBeCutShort(id)
            var identity = Identity(
                input: id, kind: .wamid, statement: statement,
                fix: capped || number != nil
                    ? "'message \(id)' asks Kapso for it by id" + (capped || cut ? "" : "; wrong project or key?")
                    : cut ? "copy the whole id again; 'messages' lists this project's messages"
                    : "wrong project or key? 'messages' lists this project's messages")
            // The start of listed messages' ids: cut short (a log column, `…`), and they are named (tester56 Z1).
            let completions = extra == nil ? WAMID.completions(of: id, among: facts.messages) : []
            if let extra {
                identity.statement = asTyped(id, typed: typed) + ": " + WAMID.extraPadding(id, message: extra)
                identity.fix = "use it: '\(ShellWord.command("trace", extra))'"
            }
            if let first = completions.first {
                identity.statement = asTyped(id, typed: typed) + ": " + WAMID.cutShort(completions: completions)
                // Several: which one was meant is not known; the newest is named as that, with the list (tester56b AA5).
                let newest = facts.messages.filter { completions.contains($0.id) }.max { ($0.time ?? 0) < ($1.time ?? 0) }?.id ?? first
                let list = number.map { "'messages --phone-number \($0)'" } ?? "'messages'"
                identity.fix = completions.count == 1
                    ? "use the whole id: '\(ShellWord.command("trace", first))'"
                    : "use the whole id, as \(list) lists it (the newest of the \(completions.count): "
                        + "'\(ShellWord.command("trace", newest))')"
            }
            // An id all in one case was changed on the way (a case-insensitive store, URL handling; base64 is
            // case-sensitive): the message read that matches it ignoring case is named, else the case is the likely cause,
            // not another project (tester50 N1).
            if let which = WAMID.oneCase(id) {
                if let match = facts.messages.first(where: { StatusHistory.namesSameMessage($0.id.lowercased(), id.lowercased()) }) {
                    identity.statement = asTyped(id, typed: typed) + ", but this project's message \(match.id) matches it "
                        + "ignoring case: \(which)-cased on the way? (WAMIDs are base64, so case-sensitive)"
                    identity.fix = "use the id in its original case: '\(ShellWord.command("trace", match.id))'"
                } else {
                    identity.fix = "WAMIDs are case-sensitive (base64) and this one is all in \(which) case: look it up in its "
                        + "original case (the webhook body or the send's answer); 'messages' lists this project's messages"
                }
            }
            if let number {
                identity.details = [Identity.Detail("contact (from the id)", contact(number))]
                identity.contacts = [(number, nil)]
            }
            if completions.isEmpty, extra == nil, let damage = WAMID.damage(id) { identity.warnings.append("the id looks damaged: \(damage)") }
            // The message it names without them, for the `errors` view's row of a call with this id (tester56b AA9).
            if let extra { identity.details.append(Identity.Detail(WAMID.extraPaddingLabel, extra)) }
            identity.notFound = true
            return identity
        }
        return messageIdentity(message, id: id, carried: number, facts: facts)
    }

    /// `wamid.…QT names no message as typed`, and what kops looked for apart from what was typed when that differs:
    /// `wamid.…QT… names no message as typed (kops also looked for wamid.…QT==: the '…' at its end dropped, the '='
    /// padding put back)` (tester57b AA5: the line showed the `==` kops added as if the user had typed it).
    static func asTyped(_ id: String, typed: String) -> String {
        let shown = IDInput.cleaned(typed)
        guard shown != id, shown.lowercased().hasPrefix("wamid") else { return "\(id) names no message as typed" }
        var changes: [String] = []
        let stem = WAMID.beforeCutMark(shown)
        if let stem { changes.append("the '\(shown.dropFirst(stem.count))' at its end dropped") }
        if let padding = WAMID.paddingDifference(typed: stem ?? shown, stored: id) {
            changes.append(padding == "with the '=' padding put back" ? "the '=' padding put back" : "read " + padding)
        }
        return "\(shown) names no message as typed (kops also looked for \(id)"
            + (changes.isEmpty ? ", as it read it" : ": " + changes.joined(separator: ", ")) + ")"
    }
}
