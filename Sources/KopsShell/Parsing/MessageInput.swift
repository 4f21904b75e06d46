internal import KapsoDiagnostics

/// Checks of what a user typed for messages, made before any request is sent.
enum MessageInput {
    /// The most characters a WhatsApp text body may hold.
    static let maxTextLength = 4_096

    /// The WAMID in what was typed, read as `whois` reads it (`IDInput.cleaned`, then `WAMID.canonical`:
    /// `=` padding put back, `%3D` decoded, trailing punctuation dropped), or an error when it is none.
    /// An id of another form (a UUID, digits) throws `WrongIDForm`, which the error funnel names with the resolver.
    static func wamid(_ text: String, command: String, flag: String? = nil) throws -> String {
        try IDArgument.refuseCredential(text, command: command, flag: flag, expected: .wamid)
        switch WAMID.canonical(IDInput.cleaned(text)) {
        case .success(let id): return id
        case .failure(let problem):
            // A call id (`wacid.…`) is said as one, with what to run (P28-11).
            if let call = IDShape.callID(IDInput.cleaned(text)) { throw ShellError.idNotFound(explanation: "\(command): " + call) }
            // A request id or log-search event id (`req_…`, `wwe_…`) is said as one, with the command that shows it (P44-5).
            if let log = IDShape.logID(IDInput.cleaned(text)) { throw ShellError.idNotFound(explanation: "\(command): " + log) }
            let plain = ShellError.invalidValue(
                command: command, what: "message id", value: IDInput.echo(text),
                expected: problem == .missingPrefix
                    ? "a WAMID starting with 'wamid.'"
                    : "base64 after 'wamid.' (letters, digits, '+', '/' and '='); copy the whole id from the payload")
            if problem == .missingPrefix, case .success(let input) = IDInput.read(text) {
                throw WrongIDForm(plain: plain, id: IDInput.cleaned(text), input: input, expected: .wamid)
            }
            // An id cut short with `…` at its end (a log column, a chat preview): looked up by its start, whose 404 names
            // the contact's messages that start with it, as `whois` does (tester56 Z1).
            if let stem = WAMID.beforeCutMark(IDInput.cleaned(text)), case .success(let id) = WAMID.canonical(stem) { return id }
            // An id kops's own table cut (`…`), pasted back (tester46 F4): said as that, not as "not base64". A look-alike
            // of another script (`wаmid.` with a Cyrillic а) or letters for digits: the character named (probe23 P23-7). A
            // field name copied in front (`id: wamid.…`, tester54 V13), also of a damaged id (tester56b AA5). Damaged on
            // the way (URL-encoded twice, a URL's query, an HTML entity, a line wrapped inside it): said as such.
            if let reason = IDArgument.wamidReason(text, cutByTable: true, offering: flag ?? command) {
                throw ShellError.unreadableID(command: command, value: IDInput.echo(text), reason: reason)
            }
            throw plain
        }
    }

    /// The message id in what was typed, in the forms every command that takes one reads alike (`trace`, `message`,
    /// `reply --message`; `whois` and `logs search --around` through the resolver): a WAMID as `wamid(_:command:flag:)`
    /// reads it, or a UUID as `IDInput.read` reads it (lowercased): Kapso lists a message it holds no WAMID for under a
    /// UUID `id` (tester56 Z8), which `messages` prints (tester57b AC3: `reply --message` refused it as "expected a WAMID").
    /// A UUID of no message is named by the resolver from its 404 (`ShellContext.explainingWrongKind`).
    static func messageID(_ text: String, command: String, flag: String? = nil) throws -> String {
        do {
            return try wamid(text, command: command, flag: flag)
        } catch let wrong as WrongIDForm {
            guard case .uuid(let id) = wrong.input else { throw wrong }
            return id
        }
    }

    /// The ids to ask for, for a message id typed (`messageID`): a WAMID as typed, then with its padding repaired when that
    /// differs (`WAMID.lookups`); a UUID alone.
    static func messageIDs(_ text: String, command: String) throws -> [String] {
        let id = try messageID(text, command: command)
        return (try? WAMID.lookups(IDInput.cleaned(text)).get()) ?? [id]
    }

    /// The Kapso id in what was typed where a UUID belongs (`IDInput.cleaned`, lowercased): conversation, webhook
    /// and delivery ids are UUIDs (kapso-api.md §3.1, §4, §8.3), so any other text is refused before a request
    /// that would leave a 400 or 404 in the project's API log (probe5 P5-4). A readable id of another form (digits,
    /// a WAMID) throws `WrongIDForm`, which the error funnel names with the resolver ("… is the phone-number id of
    /// Support Line, not a conversation id; …"); `label` (`--conversation`) leads that line.
    static func uuid(_ text: String, command: String, what: String, expected: Identity.Kind, label: String? = nil) throws -> String {
        if isLowercaseUUID(text) { return text }
        try IDArgument.refuseCredential(text, command: command, flag: label, expected: expected)
        let id = IDInput.cleaned(text)
        if IDInput.isUUID(id) { return id.lowercased() }
        // `…` is the mark of a cell kops's own table cut in the middle (a list at a narrow terminal, probe46 P46-11).
        if id.contains("\u{2026}") {
            throw ShellError.invalidValue(
                command: command, what: what, value: IDInput.echo(text),
                expected: "the whole id: this one was shortened by kops's table (the '…'); press Tab to complete it, "
                    + "or list again with --output expanded")
        }
        // A UUID with a tail copied or encoded with it (`…8b92\n`, `…8b92+`, `…8b92%7D`): named by the rule `whois` and
        // `use` read it with, never as a character that is not a hex digit (tester53b U10).
        if let (uuid, miss) = IDInput.strayTail(id), IDInput.isUUID(uuid) {
            throw ShellError.invalidValue(
                command: command, what: what, value: IDInput.echo(text),
                expected: "the id alone: this is \(uuid) with \(miss)")
        }
        if case .failure(let problem) = IDInput.read(text), let reason = problem.fieldNameReason {
            throw ShellError.invalidValue(command: command, what: what, value: IDInput.echo(text), expected: "the id alone: " + reason)
        }
        let defect = UUIDShape.defect(id).map { ": " + $0 } ?? ""
        let plain = ShellError.invalidValue(
            command: command, what: what, value: IDInput.echo(text),
            expected: "a UUID such as e5a6c7d8-4f5b-4c6d-8e7f-901234567890 (Kapso's \(expected.title)s are UUIDs)\(defect)")
        guard case .success(let input) = IDInput.read(text) else { throw plain }
        throw WrongIDForm(plain: plain, id: id, input: input, expected: expected, label: label)
    }

    /// True for `8-4-4-4-12` lower-case hex digits, nothing around them: `uuid`'s answer is then the text itself. No such
    /// text is a mask (no `<`, all ASCII), a credential (no `EAA`, no `whsec_`: `IDShape.credentialKind`) or changed by
    /// `IDInput.cleaned` (alphanumeric at both ends) or `lowercased()`. Read in place: the readings it stands for cost
    /// about 6,500 instructions an id, which `webhooks get` paid twice (docs/performance.md, "Session 60").
    static func isLowercaseUUID(_ text: String) -> Bool {
        guard text.utf8.count == 36 else { return false }
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    guard byte == UInt8(ascii: "-") else { return false }
                } else {
                    guard (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
                    else { return false }
                }
            }
            return true
        }
    }

    /// The digits of a contact's number with its country code: `+1 415-555-0157`, `0014155550157` and
    /// `14155550157` all give `14155550157` (the parser `use` and `whois` share).
    static func phoneNumber(_ text: String, command: String, flag: String) throws(ShellError) -> String {
        try phoneNumberText(text, command: command, flag: flag).digits
    }

    /// Fewest digits `phoneNumberFilter` takes as part of a number: the last four, which a ticket quotes ("the customer
    /// ending in 0142") and masked transcripts show (`1415•••0142`); fewer match most numbers.
    static let partialDigits = 4

    /// A list's `--phone-number` filter (`messages`, `conversations`): a whole number, read as `phoneNumber` reads it, or
    /// part of one (`0142`, `555-0142`, `+1415555`), whose digits Kapso's `phone_number` filter matches anywhere in the
    /// contact's number (kapso-api.md §1: "The `phone_number` filters are partial matches"; §7.1, §8.1). `partial` is
    /// true for part of a number, which must not be rewritten as a whole one (`ContactNumber.searchKey`). Probe34
    /// P34-4: `0142` was refused as "expected E.164" though eight digits passed.
    static func phoneNumberFilter(_ text: String, command: String, flag: String) throws(ShellError) -> (digits: String, partial: Bool) {
        do throws(ShellError) {
            let number = try phoneNumberText(text, command: command, flag: flag)
            // `+44 07700 900123` would match no contact, whose numbers never keep the trunk 0 (P37-10).
            if let kept = number.keptTrunkZero(typed: IDInput.cleaned(text)) {
                throw ShellError.trunkZeroKept(command: "\(command) \(flag)", value: IDInput.echo(text), reason: kept.text)
            }
            return (number.digits, false)
        } catch .copiedMask(let command, let mask, _) {
            // A masked number still shows its last digits, which a partial filter takes (probe43 P43-13).
            let tail = mask.shownTail(atLeast: partialDigits)
            throw .copiedMask(
                command: command, mask: mask,
                also: tail.map { "its last \($0.count) digits filter the list: \(ShellWord.command(command, $0))" })
        } catch .invalidValue(let command, let what, let value, _) {
            var typed = Substring(IDInput.cleaned(text))
            if typed.first == "+" { typed = typed.dropFirst() }
            let digits = typed.filter { !" -().".contains($0) }
            guard digits.count >= partialDigits, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .invalidValue(
                    command: command, what: what, value: value,
                    expected: "a phone number (+14155550157) or at least \(partialDigits) of its digits (0142)")
            }
            return (String(digits), true)
        }
    }

    /// The parsed number, for callers that also need whether a country code was marked (`reply --to`).
    /// `expected` says what the flag takes, for the refusal of text that is no number.
    static func phoneNumberText(
        _ text: String, command: String, flag: String, expected: String = "a phone number in E.164 form, e.g. +14155550157"
    ) throws(ShellError) -> PhoneNumberText {
        try IDArgument.refuseCredential(text, command: command, flag: flag, expected: .contactNumber)
        // Read as `whois` and `use` read it (probe6 P6-5): quotes, brackets and trailing punctuation around it dropped.
        guard case .success(let number) = PhoneNumberText.parse(IDInput.cleaned(text)), number.e164 != nil else {
            // Typed on another keyboard (full-width or Arabic-Indic digits, a full-width ＋) or with look-alike characters:
            // named with the ASCII number, as `whois` and `use` name it (probe25 P25-15).
            if case .failure(let problem) = IDInput.read(text), let reason = problem.otherKeyboardReason {
                throw .unreadableID(command: "\(command) \(flag)", value: IDInput.echo(text), reason: reason)
            }
            // A field name copied in front (`"to": "1415…"`, `wa_id: 1415…`): named with the number, as `whois` names it
            // (tester56b V13).
            if case .failure(let problem) = IDInput.read(text), let reason = problem.fieldNameReason(offering: flag) {
                throw .unreadableID(command: "\(command) \(flag)", value: IDInput.echo(text), reason: reason)
            }
            throw .invalidValue(
                command: command, what: "value for \(flag)", value: IDInput.echo(text), expected: expected)
        }
        return number
    }

    /// The text of a message: not empty, at most 4096 characters.
    static func text(_ words: [String], command: String, usage: String) throws(ShellError) -> String {
        if let first = words.first, let lead = LeadingID(first) {
            throw .idBeforeText(command: command, word: first, what: lead.what, fix: lead.fix(command), more: words.count > 1)
        }
        let text = words.joined(separator: " ")
        guard !text.allSatisfy(\.isWhitespace) else {
            throw .missingArgument(command: command, what: "message text", usage: usage)
        }
        guard text.count <= maxTextLength else {
            throw .invalidValue(
                command: command, what: "message text", value: "\(text.count) characters",
                expected: "at most \(maxTextLength) characters (WhatsApp's limit)")
        }
        return text
    }
}
