internal import Foundation
internal import KapsoClient
internal import KapsoDiagnostics

/// `whois ID` (alias `id`): what an id is in this project, what it belongs to, and what to use instead.
public enum WhoisCommand: Command {
    public static let name = "whois"
    public static let summary = "what an id is (number, WABA, webhook, WAMID, ...) and what to use instead"
    public static let usage = "whois ID [--output table|json]"
    public static let details = """
        Takes any identifier you may paste: a phone-number id, a WABA id (business_account_id), Kapso's
        UUIDs (internal_id / whatsapp_config_id, customer, webhook, conversation, API log, delivery,
        API key), a WAMID (the contact number inside it is read), a phone number in any form
        (+1 415-555-0101, 14155550101, 0014155550101), a business-scoped user id (US.…) or a WhatsApp
        username (@marisol.v, found among the 100 most recently active conversations, as 'reply --to'
        finds it). The look-ups go out at once; one that fails is
        named and the rest still answer. Unknown ids fail with what was searched.
        Examples:
          whois 200300400500601
          id +1 415-555-0101
          whois wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA= --output json
        """
    public static let maxArguments: Int? = nil
    public static let flags = [FlagSpec("--output", choices: ["table", "json", "expanded"], help: "print the answer as a table or JSON")]

    public static func validate(_ arguments: Arguments) throws {
        let joined = arguments.positionals.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        try IDArgument.refuseMask(joined, command: name)
        if !holdsOneID(joined) { try IDArgument.refuseCredential(joined, command: name, expected: nil) }
        // An id of a kind kops cannot look up is answered when run, not refused as a usage error.
        if case .success = IDInput.read(arguments.positionals.joined(separator: " ")) { return }
        if IDShape.describe(IDInput.cleaned(arguments.positionals.joined(separator: " "))) != nil { return }
        // Letters for digits: answered when run, with the project's numbers (`misreadNumber`).
        if case .failure(.lettersForDigits) = IDInput.read(joined) { return }
        _ = try input(arguments)
    }

    /// What was pasted, read as an id; empty or unreadable text is refused before any request.
    private static func input(_ arguments: Arguments) throws(ShellError) -> (pasted: String, input: IDInput) {
        let pasted = arguments.positionals.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        try IDArgument.refuseMask(pasted, command: name)
        if !holdsOneID(pasted) { try IDArgument.refuseCredential(pasted, command: name, expected: nil) }
        switch IDInput.read(pasted) {
        case .success(let value): return (pasted, value)
        case .failure(.empty): throw .missingArgument(command: name, what: "id", usage: usage)
        case .failure(let problem):
            // A request id or log-search event id kops printed (P44-5): what it is and the command that shows it, whole.
            if let log = IDShape.logID(IDInput.cleaned(pasted)) { throw .idNotFound(explanation: log) }
            if let fromPath = try idInPath(pasted) { return fromPath }
            // A WAMID cut short with `…` at its end: looked up by its start, whose listed messages the resolver names
            // (tester56 Z1: "without it, it reads as a WAMID" offered the start as the id).
            if let stem = WAMID.beforeCutMark(IDInput.cleaned(pasted)), case .success(let value) = IDInput.read(stem) {
                return (pasted, value)
            }
            // A look-alike letter of another script is replaced, not dropped, as `message` and `trace` say (probe25 P25-4:
            // the damage reading offered a WAMID one character short); a WAMID damaged on the way (an HTML entity, a
            // character base64 has not, `wamid.` left out), also behind a field name (tester56b AA5): said as such; a field
            // name alone is read with the id as whois takes it (tester56b V13: it offered 'use 1415…').
            if let reason = IDArgument.wamidReason(pasted, offering: name) { throw .unreadableID(command: name, value: IDInput.echo(pasted), reason: reason) }
            // An id of a kind kops cannot look up (a group id, Meta's conversation id, a ctwa_clid): say what it is
            // or looks like (probe7 P7-7), as a not-found answer rather than a usage error.
            if case .unknownForm = problem, let shape = IDShape.describe(IDInput.cleaned(pasted)) { throw .idNotFound(explanation: shape) }
            // Nearly a UUID (a webhook, conversation or delivery id copied in part): its defect, not the list of forms.
            if let defect = UUIDShape.defect(IDInput.cleaned(pasted)) {
                throw .unreadableID(command: name, value: IDInput.echo(pasted), reason: defect)
            }
            throw .unreadableID(
                command: name, value: IDInput.echo(pasted), reason: IDArgument.joinedReason(pasted, command: name) ?? problem.reason)
        }
    }

    /// The one id in a pasted API path or Graph URL (`/meta/whatsapp/v24.0/200300400500601/messages`,
    /// `https://graph.facebook.com/v21.0/200300400500601/phone_numbers`), as `errors` and `logs` show paths
    /// (probe6 P6-13); nil when the text is no path; refused, naming them, when it holds several ids or none.
    private static func idInPath(_ pasted: String) throws(ShellError) -> (pasted: String, input: IDInput)? {
        // A WAMID's base64 holds '/' (and, copied from Meta's webhook body, `\/`): it is no path (tester55 X2).
        guard pasted.contains("/"), !pasted.contains(" "), !pasted.lowercased().hasPrefix("wamid.") else { return nil }
        let segments = pasted.split(whereSeparator: { "/?&=#".contains($0) }).map(String.init)
        let ids = segments.filter { $0.count >= 8 && $0.contains { $0.isASCII && $0.isNumber } && IDShape.credentialKind($0) == nil }
            .compactMap { segment -> (String, IDInput)? in
                guard case .success(let value) = IDInput.read(segment) else { return nil }
                return (segment, value)
            }
        if ids.count == 1 { return ids[0] }
        let reason = ids.isEmpty
            ? "no id is in this path; paste the id alone (the digits, UUID or wamid.… in it)"
            : "this path holds \(ids.count) ids (\(ids.map(\.0).joined(separator: ", "))); ask about one: \(ShellWord.command("whois", ids[0].0))"
        throw .unreadableID(command: name, value: IDInput.echo(pasted), reason: reason)
    }

    /// A pasted URL or path with one id in it is read as that id even when it carries a credential
    /// (`…/100200300400501/messages?access_token=EAA…`): the id, host and Kapso call are what was asked, and the
    /// credential gets its own warning (`carriedCredential`). Probe29 P29-12: "this is a token, not an id" won.
    private static func holdsOneID(_ pasted: String) -> Bool {
        pasted.contains("/") && ((try? idInPath(pasted)) ?? nil) != nil
    }

    /// The warning for a credential parameter (`CredentialParameters`) in a pasted URL's query or fragment, the
    /// value never shown; nil when there is none.
    static func carriedCredential(_ url: String) -> String? {
        guard let start = url.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return nil }
        for pair in url[url.index(after: start)...].split(whereSeparator: { $0 == "&" || $0 == "#" || $0 == "?" }) {
            guard let equals = pair.firstIndex(of: "="), pair.index(after: equals) < pair.endIndex else { continue }
            let name = String(pair[..<equals])
            guard CredentialParameters.isCredential(name: name) else { continue }
            let rest = "(\(name)=<redacted>): it does not belong in a URL you paste or share, and as it is now in your scrollback, "
            switch IDShape.credentialKind(String(pair[pair.index(after: equals)...])) {
            case .metaAccessToken?: return "the URL carries a Meta access token " + rest + "consider revoking it and issuing a new one"
            case .webhookSecret?: return "the URL carries a webhook signing secret " + rest + "consider rotating it"
            default: return "the URL carries a credential " + rest + "consider revoking it"
            }
        }
        return nil
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        // Letters for digits (`1OO2OO3…`): the digits offered only when a number of the project (tester56b Y4).
        let joined = arguments.positionals.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        if case .failure(.lettersForDigits) = IDInput.read(joined),
            let misread = ShellContext.misreadNumber(joined, command: name, numbers: try context.client.allPhoneNumbers())
        {
            throw misread
        }
        let (pasted, input) = try input(arguments)
        // The id as typed, quotes and trailing punctuation dropped: a WAMID no message has is named so, apart from the form
        // kops looked for (its padding and URL encoding repaired; tester57b AA5).
        let typed = IDInput.cleaned(pasted)
        let lookups = IDResolver.lookups(for: input)
        let uuid: String?
        if case .uuid(let id) = input { uuid = id } else { uuid = nil }
        var (facts, errors) = IDLookups.fetch(lookups, client: context.client, id: uuid, own: context.ownLookups)
        facts.now = context.now()
        // Every list 404s with a wrong base URL: nothing was searched, so nothing may be concluded (probe5 P5-1).
        if let wrongHost = IDLookups.wrongBaseURL(in: errors) { throw wrongHost }
        // The session's health reads: a number's state there is newer than Kapso's record of it (P41-8, P42-7).
        facts.healthReads = context.ids.healthReads
        var identity = IDResolver.resolve(input, typed: typed, facts: facts)
        // Digits found nowhere may be the Meta business or app id health shows (probe5 P5-11): health last, as it is
        // a live check with its own rate limit (kapso-api.md §2.3).
        // Round by round, until each WABA's ids are named or the reads run out (probe17 P17-3).
        if !IDResolver.healthLookups(for: input, after: identity, facts: facts).isEmpty {
            let read = IDLookups.readHealth(input, typed: typed, facts: &facts, in: context)
            identity = read.identity
            errors += read.errors
            for (id, report) in facts.healths { context.ids.rememberHealth(SenderState.HealthRead(phoneNumberID: id, health: report)) }
        }
        // A contact who left this number: their windows, read as `reply`, `trace` and `errors` read them (the move followed
        // to the new number), say whether they wrote from it (probe33); a read that fails leaves the notices' hedged reading.
        identity = IDLookups.followingMove(identity, input: input, typed: typed, facts: &facts, in: context)
        // Read as one of the project's ids only once a copying mistake was dropped (`"100200300400501 "`, `…%20`): named,
        // as `errors` names a path with it.
        let whole = arguments.positionals.joined(separator: " ")
        let nearMiss = [.phoneNumberID, .wabaID].contains(identity.kind)
            ? IDResolver.pastedNearMissLine(whole, numbers: facts.numbers) : IDResolver.pastedStrayTailLine(whole)
        if let nearMiss { identity.warnings.append(nearMiss) }
        if identity.incomplete {
            // Without the numbers (or without any answer) nothing can be concluded: exit as the transport did.
            let essential = facts.failed.contains(.phoneNumbers) || facts.failed.count == lookups.count
            let status = essential ? errors.map(\.exitStatus).max() ?? .failure : .failure
            throw ShellError.idUnchecked(explanation: explanation(identity), status: status)
        }
        // A `+` number found nowhere that no country uses (a length its country does not use, a NANP area code or
        // exchange starting with 0 or 1) is said as such, as 'reply --to' refuses it; one found as an id (`+100200300400501`,
        // a '+' before a phone-number id) keeps its answer.
        // A number written with the trunk 0 after its country code (`+44 07700 900123`, `4407700900123`) is the number
        // without it, never another contact: said in one line, before the length check would call it too long (P37-10).
        if identity.kind == .unknown, case .number(let number) = input,
            let kept = number.keptTrunkZero(typed: typed, projectCodes: IDResolver.countryCodes(facts.numbers))
        {
            throw ShellError.trunkZeroKept(command: name, value: IDInput.echo(pasted), reason: kept.text)
        }
        if identity.kind == .unknown, case .number(let number) = input, number.hasInternationalPrefix,
            let problem = CountryCallingCode.numberProblem(number.digits)
        {
            throw ShellError.unreadableID(
                command: name, value: IDInput.echo(pasted), reason: "no phone number has that shape: expected " + problem)
        }
        guard identity.kind != .unknown else {
            // A script reading JSON gets what was searched as a value too (exit status 1, as in table mode).
            if context.outputMode(arguments) == .json {
                var result = CommandResult(json: identity.json)
                result.status = .failure
                return result
            }
            throw ShellError.idNotFound(explanation: explanation(identity))
        }
        var blocks: [Block] = [.line(StyledText(identity.statement, style: .bold))]
        let repairs = IDInput.repairs(pasted)
        if let fix = identity.fix(selected: context.session.phoneNumberID) {
            // `next:` for an id found as what it is (a contact's number, a WAMID); `fix:` when something is wrong, the id
            // as pasted included: the clean id is then what to use instead.
            let next = identity.advice == .next && nearMiss == nil && repairs.isEmpty
            blocks.append(.line(StyledText((next ? "next: " : "fix: ") + fix)))
        }
        // Right under the answer, not after the fields: the id as pasted is the bug `whois` is asked to find (P21-10).
        if let nearMiss { blocks.append(.line(StyledText("warning: " + nearMiss, style: .warn))) }
        if !repairs.isEmpty { blocks.append(.hint("read as pasted, with " + repairs.joined(separator: ", "))) }
        if whole.trimmingCharacters(in: .whitespacesAndNewlines) != pasted {
            blocks.append(.hint("the id \(pasted) was read from the pasted path"))
            // The URL that failed is the question: its host or route, when that is the mistake (P26-11).
            if let note = PastedURL.note(whole) { blocks.append(.line(StyledText("warning: " + note, style: .warn))) }
            if identity.kind == .displayNumber,
                let number = facts.numbers.first(where: { $0.normalizedDisplayNumber == pasted.filter(\.isNumber) }),
                let note = PastedURL.displayNumberNote(whole, display: pasted, phoneNumberID: number.id)
            {
                blocks.append(.line(StyledText("warning: " + note, style: .warn)))
            }
            if let secret = carriedCredential(whole) { blocks.append(.line(StyledText("warning: " + secret, style: .warn))) }
        }
        blocks.append(.line(StyledText("")))
        blocks.append(.fields([Field("kind", identity.kindTitle)] + identity.details.map { Field($0.label, $0.value) }))
        for warning in identity.warnings where warning != nearMiss { blocks.append(.line(StyledText("warning: " + warning, style: .warn))) }
        for part in identity.unchecked { blocks.append(.line(StyledText("could not check " + part, style: .warn))) }
        var result = CommandResult(blocks: blocks, json: identity.json)
            .shown(as: arguments.value("--output").flatMap(OutputMode.init(rawValue:)))
        // A WAMID whose message is not in the project (no message, so no conversation detail) is not found, like an
        // unknown UUID: exit status 1, with what the id carries still shown (probe6 P6-13).
        if identity.kind == .wamid, !identity.details.contains(where: { $0.label == "conversation" }) { result.status = .failure }
        return result
    }

    /// The unknown answer on one line: statement, what was searched, what could not be, and (`withFix`) the fix.
    static func explanation(_ identity: Identity, withFix: Bool = true) -> String {
        var text = identity.statement
        if let searched = identity.details.first(where: { $0.label == "searched" }) { text += " (searched \(searched.value))" }
        if let answered = identity.details.first(where: { $0.label == "not found in" }) { text += "; not found in \(answered.value)" }
        if let unsearched = identity.details.first(where: { $0.label == "not searched" }) { text += "; not searched: \(unsearched.value)" }
        // An id no object has can still be in API paths: say how often and by which key.
        if let calls = identity.details.first(where: { $0.label == "API calls" }) { text += "; API calls: \(calls.value)" }
        if !identity.unchecked.isEmpty, !identity.incomplete { text += "; could not check " + identity.unchecked.joined(separator: ", ") }
        text += identity.warnings.map { "; " + $0 }.joined()
        return text + (withFix ? identity.fix.map { "; " + $0 } ?? "" : "")
    }
}
