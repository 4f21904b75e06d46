internal import KapsoClient
internal import KapsoDiagnostics
internal import KopsHTTP

/// `reply TEXT`, `reply --to E164|BSUID|@USERNAME TEXT`: a free-form text, checked against the 24-hour window first;
/// `reply --template NAME [--param VALUE]...`: an approved template, checked against the template first.
public enum ReplyCommand: Command {
    public static let name = "reply"
    public static let summary =
        "send a text or an approved template to the last message's contact or to --to; checks the window and the template"
    public static let usage =
        "reply [--to E164|BSUID|@USERNAME] [--no-quote] [--force] [--send-secret] [--dry-run] TEXT | reply --template NAME [--language CODE] "
        + "[--param VALUE]... [--param name=VALUE]... [--header-media URL | --header-location LAT,LON[,NAME[,ADDRESS]]] "
        + "[--to E164|BSUID|@USERNAME] [--force] [--send-secret] [--dry-run]"
    public static let details = """
        Writes to the contact of the last message ('message', 'trace') and quotes it when it was
        received, else to the last conversation's contact; --to picks a contact on the selected number
        (read like 'whois' reads numbers; the project's own ids, the number it sends from, and a number
        with neither '+'/'00' nor the project's country code, are refused with what they are; another
        number of the project is a recipient like any other). A contact who adopted a
        WhatsApp username and shares no number is written to by business-scoped user id
        (--to US.13491208655302741918, sent as 'recipient') or by @username, looked up among the
        selected number's newest 100 conversations. --message WAMID replies to that message
        as to the last one (a transcript records a reply to the last message so, to replay it).
        A first word of TEXT that is an id (a WAMID, a phone number, a UUID, a user id, an @username) is
        refused, not sent as text: give it as --message or --to, or quote the whole text to send it so.
        Refuses when the 24-hour window is closed (--force sends anyway). A text holding kops's own API key
        is never sent; a Meta access token or a webhook signing secret only with --send-secret (--force
        does not send one); other values
        kops shows masked (a link's token) are sent as typed, with a note. --dry-run prints the exact
        request, key redacted, and sends nothing; it refuses what the send would refuse, with its
        status. The interactive shell asks before sending; scripts, pipes and -c send without asking. The new message becomes the last message: 'trace' follows it.
        --template sends an approved template instead (no 24-hour window needed): one --param per
        variable, in order for {{1}} {{2}} (header first, then body), or as 1=VALUE 2=VALUE for a body's
        {{1}} {{2}} in any order, as name=VALUE for {{name}};
        --header-media gives a media header's link, --header-location a LOCATION header's place (latitude,
        longitude, then optionally its name and address: 37.4833,-122.1490,Acme HQ,1 Hacker Way). Before sending, kops checks what Meta and Kapso
        would refuse (132001 unknown or unapproved, 132015 paused, 132000 wrong parameters, 132012
        header media, 100 new lines or tabs, over 1,024 characters, marketing to a contact who
        stopped it); --force sends anyway and shows the API's answer. 'template NAME' shows what a
        template needs; Tab completes names and languages from the last 'templates'.
        Examples:
          message wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=; reply "It ships today"
          reply --to +14155550142 --dry-run "Hello"
          reply --template part_ready --language en_US --param customer_name=Lee --param order_id=A-1042
          use 100200300400502; reply --to US.48210937561029384756 --dry-run "Held for you"
        """
    public static let maxArguments: Int? = nil
    public static let flags = [
        FlagSpec("--to", value: "E164|BSUID|@USERNAME", help: "the contact to write to, on the selected number"),
        FlagSpec("--message", value: "WAMID", help: "reply to this message instead of the last one"),
        FlagSpec("--no-quote", help: "do not quote the last message"),
        FlagSpec("--force", help: "send even when the 24-hour window is closed or the template check fails (not a secret)"),
        FlagSpec(
            OutgoingSecret.sendFlag,
            help: "send a Meta access token or webhook signing secret the text or values hold (kops's own key never)"),
        FlagSpec("--template", value: "NAME", help: "send this approved template instead of text"),
        FlagSpec("--language", value: "CODE", help: "the template's language (en_US, es, ...)"),
        FlagSpec("--param", value: "VALUE", help: "a template value, repeatable: VALUE in order, N=VALUE for {{N}}, or name=VALUE"),
        FlagSpec("--header-media", value: "URL", help: "the link of a template's image, video or document header"),
        FlagSpec(
            "--header-location", value: "LAT,LON[,NAME[,ADDRESS]]",
            help: "a LOCATION header's place: latitude, longitude, then its name and address"),
        FlagSpec("--dry-run", help: "print the request (key redacted) and send nothing"),
    ]

    public static func isWrite(_ words: [String]) -> Bool { !words.contains("--dry-run") }

    public static func validate(_ arguments: Arguments) throws {
        _ = try recipient(arguments)
        _ = try message(arguments)
        guard arguments.value("--template") != nil else {
            _ = try text(arguments)
            return
        }
        if let location = arguments.value("--header-location"), HeaderLocation(location) == nil {
            throw ShellError.invalidValue(
                command: name, what: "value for --header-location", value: location,
                expected: "LAT,LON[,NAME[,ADDRESS]] with latitude -90..90 and longitude -180..180, e.g. 37.4833,-122.149,Acme HQ")
        }
        guard arguments.positionals.isEmpty else {
            throw ShellError.invalidValue(
                command: name, what: "text with --template", value: arguments.positionals.joined(separator: " "),
                expected: "no text: a template's words are its own; give its values with --param")
        }
    }

    /// The message text: template-only flags without `--template` and an empty text are refused.
    private static func text(_ arguments: Arguments) throws(ShellError) -> String {
        for flag in ["--language", "--param", "--header-media", "--header-location"] where !arguments.all(flag).isEmpty {
            throw .invalidValue(
                command: name, what: "use of \(flag)", value: "\(flag) \(arguments.all(flag)[0])",
                expected: "\(flag) together with --template NAME")
        }
        return try MessageInput.text(arguments.positionals, command: name, usage: usage)
    }

    /// `--message ID` read as `trace` reads a message id (a WAMID, or the UUID Kapso lists a message under), nil when
    /// absent; refused with `--to` (each names whom to write to).
    static func message(_ arguments: Arguments) throws -> String? {
        guard let typed = arguments.value("--message") else { return nil }
        if arguments.value("--to") != nil {
            throw ShellError.invalidValue(
                command: name, what: "combination", value: "--message with --to", expected: "one of them: each names whom to write to")
        }
        return try MessageInput.messageID(typed, command: name, flag: "--message")
    }

    /// `--to` as typed and read as a phone number, nil when absent or a business-scoped user id or username (read
    /// without the blanks and quotes around a paste: `typedTo`). A user id with its country code in lower case, and any
    /// other text, are refused with the forms `--to` takes (probe43 P43-14: "expected a phone number in E.164 form").
    static func recipient(_ arguments: Arguments) throws(ShellError) -> (typed: String, number: PhoneNumberText)? {
        guard let typed = arguments.value("--to"), let cleaned = typedTo(arguments), !BusinessScopedUserID.isValid(cleaned),
            !IDInput.isUsername(cleaned), conversationOrMessageID(typed) == nil
        else { return nil }
        try IDArgument.refuseMask(typed, command: name, flag: "--to")
        if let fixed = BusinessScopedUserID.capitalised(cleaned) {
            throw .invalidValue(
                command: name, what: "value for --to", value: IDInput.echo(typed),
                expected: "a business-scoped user id with its country code in capitals, as Meta writes it and Kapso matches it: --to \(fixed)")
        }
        let number = try MessageInput.phoneNumberText(typed, command: name, flag: "--to", expected: recipientForms(cleaned))
        // The national trunk 0 kept after the country code (`+44 07700 900123`) reaches nobody: the number without it is
        // said in one line, before the length check would call it too long (P37-10). Bare digits are read against the
        // project's country codes (`IDResolver.notAContact`).
        if number.hasInternationalPrefix, let kept = number.keptTrunkZero(typed: IDInput.cleaned(typed)) {
            throw ShellError.trunkZeroKept(command: "\(name) --to", value: IDInput.echo(typed), reason: kept.text)
        }
        // A `+` number of a length its country does not use, or a NANP number whose area code or exchange starts with 0
        // or 1, reaches nobody: refused before any window talk (P35-6).
        if number.hasInternationalPrefix, let problem = CountryCallingCode.numberProblem(number.digits) {
            throw .invalidValue(command: name, what: "value for --to", value: IDInput.echo(typed), expected: problem)
        }
        return (typed, number)
    }

    /// `--to` without the blanks, quotes and brackets a paste brings (`IDInput.cleaned`: `'US.1349… '` is the user id), nil
    /// when absent.
    static func typedTo(_ arguments: Arguments) -> String? {
        arguments.value("--to").map(IDInput.cleaned)
    }

    /// What `--to` takes, for its refusal: every form (`help reply`), and a username typed without its `@` with it.
    static func recipientForms(_ typed: String) -> String {
        let forms = "a phone number in E.164 form (+14155550157), a business-scoped user id (US.13491208655302741918) or a "
            + "WhatsApp username (@handle)"
        let handle = typed.contains(where: \.isLetter) && typed.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._".contains($0)) }
        return handle ? forms + "; if '\(typed)' is a username, write --to @\(typed)" : forms
    }

    /// `--to` read as a number, or resolved from a conversation id or WAMID (whose line is said first); nil when
    /// absent or a business-scoped user id or username.
    static func recipient(_ arguments: Arguments, in context: ShellContext) throws -> (typed: String, number: PhoneNumberText)? {
        guard let id = arguments.value("--to").flatMap(conversationOrMessageID) else { return try recipient(arguments) }
        let found = try recipient(ofID: id, in: context)
        context.emit(CommandResult(blocks: [.hint(found.hint)]))
        return found.to
    }

    /// `--to` given as a conversation id (a UUID) or a WAMID, as `IDInput` reads it (lowercased UUID, canonical
    /// WAMID); nil for anything else.
    static func conversationOrMessageID(_ typed: String) -> String? {
        switch IDInput.read(typed) {
        case .success(.uuid(let id)), .success(.wamid(let id, _)): id
        default: nil
        }
    }

    /// `--to` with a conversation id or a WAMID (probe6 P6-5): the resolver names what it is, and when it is a
    /// conversation or message of the selected number with a contact number, the reply goes to that contact (the
    /// returned hint says so). Anything else throws what the id is and what to type instead.
    static func recipient(ofID id: String, in context: ShellContext) throws -> (to: (typed: String, number: PhoneNumberText), hint: String) {
        guard let identity = try context.identity(of: id, expected: .contactNumber) else {
            throw ShellError.invalidValue(
                command: name, what: "value for --to", value: IDInput.echo(id),
                expected: "a contact's phone number in E.164 form, e.g. +14155550157 ('\(ShellWord.command("whois", id))' says what this id is)")
        }
        let found = [.conversationID, .wamid].contains(identity.kind) && !identity.phoneNumberIDs.isEmpty && !identity.incomplete
        let contact = identity.contacts.first { !$0.phoneNumber.isEmpty }?.phoneNumber
        guard found, let contact, case .success(let number) = PhoneNumberText.parse("+" + contact) else {
            let fix = contact.map { "if that is the contact, --to +\($0)" } ?? identity.fix ?? "'\(ShellWord.command("whois", id))' says more"
            throw IDOfAnotherKind(explanation: "--to: \(identity.statement), not a contact's phone number; \(fix)", exitStatus: .usage)
        }
        let selected = try context.session.requirePhoneNumber()
        guard identity.phoneNumberIDs.contains(selected) else {
            throw IDOfAnotherKind(
                explanation: "--to: \(identity.statement), not of the selected number \(selected); "
                    + "use \(identity.phoneNumberIDs[0]), then reply --to +\(contact)",
                exitStatus: .failure)
        }
        return (("+" + contact, number), "--to: \(identity.statement); replying to its contact +\(contact)")
    }

    /// The form of the contact's number the reply goes to, when another is in play, for a text and a template alike
    /// (AI10's item 3: `reply --template` named none): the form the contact wrote from, their WhatsApp ID, when it is
    /// another form of the number given, with what to do on a 131026 (`ContactNumber.WrittenForm`, tester60 AH15), else
    /// Argentina's domestic form typed (`15` after the area code) and the number it was read as. Nil otherwise, and for a
    /// business-scoped user id. `recent`: the contact's messages `contactMessages` read (nil: not read); `again`: what
    /// follows `reply --to +DIGITS` to send again (`WrittenForm.note`).
    static func formNote(
        _ target: Target, typed: (typed: String, number: PhoneNumberText)?, recent: [Message]?, again: String = "TEXT", in context: ShellContext
    ) -> String? {
        guard !BusinessScopedUserID.isValid(target.contact) else { return nil }
        // Sent to the form given; the form the contact wrote from, their WhatsApp ID, is named.
        if let written = recent.flatMap({ ContactNumber.WrittenForm.newest(of: target.contact, among: $0, now: context.now()) }) {
            return written.note(now: context.now(), again: again)
        }
        return typed.flatMap { typed in
            typed.number.digits == target.contact || !target.contact.allSatisfy(\.isNumber) ? nil
                : "sending to +\(target.contact), the contact's number (+\(typed.number.digits) is Argentina's domestic form of it, "
                    + "15 after the area code, which is no international number)"
        }
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        if arguments.value("--template") != nil { return try sendTemplate(arguments, in: context) }
        let text = try text(arguments)
        let typedTo = typedTo(arguments)
        let to = try recipient(arguments, in: context)
        let target = try typedTo.flatMap { try userID(to: $0, in: context) }
            .map { try resolve(userID: $0, in: context) }
            ?? resolve(to: to, message: try message(arguments), quote: !arguments.has("--no-quote"), in: context)
        let secretNotes = try refuseSecrets([("the text", text)], to: target, sending: arguments.has(OutgoingSecret.sendFlag), in: context)
        let window = try contactWindow(target, elsewhere: true, in: context)
        let dryRun = arguments.has("--dry-run")
        // A dry run refuses what the send would refuse, with its status (probe14 P14-14), as template checks do.
        // The sending number's own state first: one that sends nothing fails whatever the contact's window (P39-8).
        let changes = [senderRefusal(window)].compactMap { $0 } + contactChanges(window, of: target)
        if let change = changes.first, !arguments.has("--force") { throw change }
        if window.isClosed && !arguments.has("--force") {
            throw ReplyError.windowClosed(
                contact: target.label, window: window, templates: TemplateLookup.fitting(target.phoneNumberID, contact: target.contact, in: context))
        }
        let recent = contactMessages(target, in: context)
        let otherForm = formNote(target, typed: to, recent: recent, in: context)
        // The contact's recent failures that say not to resend now (131056, 131026): refused as a closed window is (P40-8).
        let held = try resendHold(
            recent.flatMap { ResendHold.of($0, sending: .text, now: context.now()) }, target: target, force: arguments.has("--force"))
        let body = KapsoClient.textMessage(
            to: target.contact, text: text, quoting: target.quotedID, byUserID: BusinessScopedUserID.isValid(target.contact))
        let request = context.client.metaRequest(phoneNumberID: target.phoneNumberID, body: body)
        // An unknown window does not refuse the send (a free-form reply may well go through) but says so.
        // An open window the messages read do not show is said the same way (ContactWindow.unconfirmed, probe37 P37-4),
        // and one Meta refused a send in since the contact's last inbound (ContactWindow.refusedSince, tester60 AH11).
        let unknown = window.window == nil || (window.isOpen && (window.unconfirmed != nil || window.refusedSince != nil))
            ? "the 24-hour window with \(target.label) is \(window.text)" : nil
        if dryRun {
            // A number that cannot send is in `changes` (refused above, or its --force note below).
            var hints = [window.senderState].compactMap { $0?.cannotSend == false ? $0?.line : nil }
            if window.isClosed {
                hints.append(ReplyError.windowClosed(
                    contact: target.label, window: window, templates: TemplateLookup.fitting(target.phoneNumberID, contact: target.contact, in: context)
                ).message)
            }
            if let unknown { hints.append(unknown) }
            hints += changes.compactMap(\.forcedNote) + held + secretNotes
            if let soon = window.closingSoon { hints.append(soon) }
            if let otherForm { hints.append(otherForm) }
            if let other = otherSender(target, in: context) { hints.append("it would be sent from " + other) }
            return dryRunResult(request, body: body, hints: hints, in: context)
        }
        for note in held + secretNotes { context.emit(CommandResult(blocks: [.hint(note)])) }
        // Seconds left: the send races Meta's clock, said before the question (P21-18).
        let soon = window.closingSoon.map { $0 + "; " } ?? ""
        let sender = otherSender(target, in: context) ?? target.phoneNumberID
        // The text itself, not only its length, so a wrong one is caught before it goes (tester47 F8).
        let shown = "\"\(VisibleText.escaped(Shortened.text(text, limit: 60)))\" (\(text.count) characters)"
        guard context.confirm("\(soon)send \(shown) to \(target.label) from \(sender)? [y/N] ") else {
            return .line("not sent", style: .warn)
        }
        var result = try send(request, to: target, what: nil, in: context)
        // The sender's state as the dry run says it: its line, or with --force the note that it was sent anyway.
        let senderState = window.senderState.map { $0.cannotSend ? senderRefusal(window)?.forcedNote : $0.line } ?? nil
        result.blocks += [senderState, otherForm].compactMap { $0.map(Block.hint) }
        if let unknown { result.blocks.append(.hint(unknown)) }
        if let soon = window.closingSoon { result.blocks.append(.hint(soon)) }
        return result
    }

    /// Sends a built request and reports the new WAMID, which becomes the session's last message, and what Meta's
    /// `message_status` says of it (`SendAcceptance`: a paced template's message is held, not sent; P26-8).
    static func send(
        _ request: HTTPRequest, to target: Target, what: String?, template: String? = nil, in context: ShellContext
    ) throws -> CommandResult {
        let sent: SentMessage
        // Where a send whose answer was lost shows up, if it went out: the contact's messages on the number.
        let effect = "the message may have been sent"
        let check = "messages --phone-number \(target.contact)"
        do throws(KapsoAPIError) {
            sent = try context.client.send(request)
        } catch {
            // Meta's token error on a 401 is a refused send like its 400 twin, not a rejected key (P26-2).
            if case .unauthorized(_, let graph?) = error, case .numberToken = CredentialRefusal(graph: graph) {
                throw ReplyError.rejected(graph)
            }
            if case .sendRejected(let rejection) = error {
                // Graph's own answer to Kapso's proxy path is about the base URL, not the message.
                if let wrongHost = BaseURLError.explaining(
                    error, clientBase: context.client.baseURL, base: context.session.baseURL, source: context.apiSource)
                {
                    throw wrongHost
                }
                // A gateway's or Kapso's own 5xx says nothing about the message: Meta may have taken it (P26-16).
                if let unknown = UnknownOutcome(error, effect: effect, check: check, again: "sending again") { throw unknown }
                // A 404 for a number this key lists: neither the id nor the route is the mistake (P26-15).
                if let meaning = numberNotReached(rejection, in: context) { throw ReplyError.numberNotReached(rejection, meaning: meaning) }
                // A closed window names the templates that fit, as the check before sending does (issue 19 §3).
                let templates = rejection.code == "131047" && what == nil
                    ? TemplateLookup.fitting(target.phoneNumberID, contact: target.contact, in: context) : []
                // A 131026 to a number with another form: the form the contact wrote from, their WhatsApp ID (AH15).
                let form = rejection.code == "131026" && !BusinessScopedUserID.isValid(target.contact)
                    ? ContactNumber.undeliverableForm(
                        sentTo: target.contact, among: contactMessages(target, in: context), now: context.now(),
                        again: template.map { "--template \($0) …" } ?? "TEXT") : nil
                throw ReplyError.rejected(rejection, templates: templates, recipient: target.contact, form: form)
            }
            if let unknown = UnknownOutcome(error, effect: effect, check: check, again: "sending again") { throw unknown }
            throw error
        }
        let wamid = sent.id
        context.session.lastMessageID = wamid
        if let conversation = target.conversation { context.session.lastConversationID = conversation.id }
        let acceptance = SendAcceptance(messageStatus: sent.messageStatus, template: template)
        var json: JSONObject = ["id": .string(wamid), "to": .string(target.contact), "phone_number_id": .string(target.phoneNumberID)]
        if let status = sent.messageStatus { json["message_status"] = .string(status) }
        let from = otherSender(target, in: context).map { " from " + $0 } ?? ""
        var blocks: [Block] = [
            .line(StyledText(
                "\(acceptance.word) \(wamid) to \(target.label)" + (what.map { ": \($0)" } ?? "") + from,
                style: acceptance.held ? .warn : .good))
        ]
        if let note = acceptance.note { blocks.append(.line(StyledText(note, style: acceptance.held ? .warn : .plain))) }
        blocks.append(.hint("follow it with 'trace'"))
        return CommandResult(blocks: blocks, json: .object(json))
    }

    /// What a send's 404 (or Graph's "Object with ID … does not exist" on any status) means when the path's number is one
    /// the project lists: the reading the API log gives the same answer (`IDResolver.documentedRouteMeaning`). Nil
    /// otherwise, or when the numbers cannot be read.
    static func numberNotReached(_ rejection: MetaSendError, in context: ShellContext) -> String? {
        // A 404 with Meta's own code for the message (132001: no such template) is that code's reading, not the number's.
        guard rejection.code == nil || rejection.code == "100", let url = rejection.path,
            let start = url.firstRange(of: "/meta/")
        else { return nil }
        let path = String(url[start.lowerBound...])
        let missing = ErrorCatalog.missingObjectID(subcode: rejection.subcode, status: rejection.status, path: path, message: rejection.message)
        guard rejection.status == 404 || missing != nil, let numbers = try? context.client.allPhoneNumbers() else { return nil }
        return IDResolver.documentedRouteMeaning(
            path, numbers: numbers, webhooks: [], text: rejection.message, at: context.now(), status: rejection.status)
    }

    /// Which number a reply goes from when it is not the selected one: the number of the message replied to, which a
    /// `use` since may no longer select. The prompt, the last `using` line and a transcript all name the selected one, so
    /// the dry run, the question and the result say which sends it (probe42 P42-9, probe43 P43-1), e.g. `100200300400502,
    /// the number of the message replied to (the selected number is 100200300400501)`; nil when they are the same.
    static func otherSender(_ target: Target, in context: ShellContext) -> String? {
        guard let selected = context.session.phoneNumberID, selected != target.phoneNumberID else { return nil }
        return "\(target.phoneNumberID), the number of the message replied to (the selected number is \(selected))"
    }

    /// The exact request, key redacted, shown against the session's API host (the same as the client's,
    /// except in golden transcripts), then `hints`.
    static func dryRunResult(_ request: HTTPRequest, body: JSONValue, hints: [String], in context: ShellContext) -> CommandResult {
        let url = context.session.baseURL + request.url.dropFirst(context.client.baseURL.count)
        var lines = ["\(request.method) \(url)"] + request.headers.map(\.redactedLine) + [""]
        lines += body.serialized(pretty: true).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The request as it would be sent: never wrapped, so a copied body is the same JSON.
        var blocks = lines.map { Block.data($0) }
        blocks += hints.map(Block.hint)
        blocks.append(.hint("dry run: nothing sent"))
        return CommandResult(blocks: blocks, json: body)
    }
}
