public import KapsoDiagnostics
/// Mistakes in what the user typed, found before any request is sent.
public enum ShellError: KopsError, Equatable {
    /// The first word is not a command.
    case unknownCommand(name: String, suggestion: String?)
    /// A `--flag` the command does not take.
    case unknownFlag(command: String, flag: String, suggestion: String?)
    /// A required argument or flag value is missing.
    case missingArgument(command: String, what: String, usage: String)
    /// A flag or argument value outside what the command accepts.
    case invalidValue(command: String, what: String, value: String, expected: String)
    /// A value of a flag that carries secrets (`--headers`) kops cannot use; `problem` says why. The value itself is
    /// never shown: it may hold the receiver's credentials (probe18 P18-6).
    case invalidSecretValue(command: String, flag: String, problem: String, expected: String)
    /// A value holding a form kops prints in place of what it hides (`whsec_…23`, `<redacted>`: `MaskedInput`), given where
    /// the real value goes (a secret, a key, a URL, a header): copied from kops's output. `subject` names the flag or
    /// variable, `thing` what the value should have been (`the secret`), `fix` what to do (probe42 P42-3).
    case maskedValue(command: String, subject: String, masked: MaskedInput, thing: String, fix: String)
    /// A placeholder or masked number of a masked transcript (`<message 1>`, `1415•••0171`: `TranscriptMask`) given
    /// where an id or a number goes (probe43 P43-13); `also` adds what the value still serves for (its last digits as a
    /// filter), nil when nothing.
    case copiedMask(command: String, mask: TranscriptMask, also: String?)
    /// A name of something kops knows a closed set of (a message type, an event) that is none of them: `known` lists
    /// them or says where they are listed, `suggestion` is the one meant when one is close (`Suggestion.advice`).
    case unknownName(command: String, kind: String, name: String, suggestion: String?, known: String)
    /// More positional arguments than the command takes.
    case unexpectedArgument(command: String, argument: String, usage: String)
    /// The line could not be split into words.
    case syntax(String)
    /// A phone number typed with spaces after a flag (`--to +1 415 555 0142`): the flag took the country code, the
    /// rest became other words (`PhoneNumberSplit`).
    case splitPhoneNumber(command: String, flag: String, took: String, left: [String])
    /// The command needs a phone number and none is selected.
    case noPhoneNumberSelected
    /// No number in the project matches what `use` was given; `searched`: what the resolver said the id is not, with
    /// what it searched (`X is not a number, WABA, … of this project (searched …)`), nil when it said nothing.
    case noMatchingPhoneNumber(query: String, known: [String], searched: String? = nil)
    /// `trace` or `reply` without a WAMID and with no message remembered.
    case noMessageSelected(command: String)
    /// A message text whose first word is an id (`MessageInput.LeadingID`): `what` it is, `fix` the command that writes to
    /// its target; `more`: other words follow, which quoting the whole text sends as typed (tester47 F8).
    case idBeforeText(command: String, word: String, what: String, fix: String, more: Bool)
    /// Text that is no id kops can look up (empty, non-ASCII, too long, a broken WAMID); `value` is shortened.
    case unreadableID(command: String, value: String, reason: String)
    /// A number written with the national trunk prefix 0 after its country code (`+44 07700 900123`), which no
    /// number in international form has (`PhoneNumberText.KeptTrunkZero`); `reason` says so and names the number
    /// without the 0 (probe37 P37-10).
    case trunkZeroKept(command: String, value: String, reason: String)
    /// A credential pasted where an id goes (`IDShape.credential`); `command` is the command, with the flag when the
    /// id is a flag's value (`reply --to`). Nothing of the value is shown: `reason` names what it is, not its text.
    case credentialAsID(command: String, reason: String)
    /// An id found nowhere in the project; the explanation says what was searched.
    case idNotFound(explanation: String)
    /// An id not found while parts of the project could not be checked; `status` is the transport's.
    case idUnchecked(explanation: String, status: ExitStatus)
    /// An id used where a phone-number id belongs; the explanation names what it is and the fix.
    case notAPhoneNumberID(explanation: String)
    /// `next` without a previous list that has more pages.
    case nothingToContinue
    /// `next` after the selection changed (`use`, `profile use`): the last list was `listed`'s (a number, `all
    /// numbers`, a profile), the session is now on `selected`; its page is not shown (probe29 P29-18).
    case nextPageElsewhere(command: String, listed: String, selected: String)
    /// `explain` was given a code the error catalog does not know.
    case unknownErrorCode(code: String)
    /// `explain` of several codes (a list, or an errors[] body) none of which kops knows; `joined` is the catalogued
    /// code the words make together (`13104 7` → 131047), named as a code split by a space (tester51 N5).
    case unknownErrorCodes(codes: [String], joined: ErrorCatalog.Entry?)
    /// `explain` was given something that is no error: `what` says what it is (`a Graph API endpoint URL`), `instead`
    /// what to paste; `value` is shortened.
    case notAnError(command: String, value: String, what: String, instead: String)
    /// `explain` of words whose only number is another tool's (`OtherToolNumber`: an exit status, a count, `200 OK`,
    /// Cloudflare's 1020): no Meta or Kapso code was found, and kops says so rather than guess (tester59 AF1).
    case noErrorCode(command: String, value: String, what: String, instead: String)
    /// A file name that is empty or only spaces (`record "   "` made a file named three spaces: probe38 P38-15); `flag`
    /// is the flag it was given to, nil for a positional.
    case blankFileName(command: String, flag: String?, value: String, usage: String)
    /// An input file (`--file`) is missing or cannot be read; `reason` says which.
    case unreadableFile(path: String, reason: String)
    /// A webhook signature value that is not hex of the right length; rejected before hashing.
    case malformedSignature(command: String, reason: String)
    /// A well-formed webhook signature that does not match the body and secret; `cause` is the likely reason.
    case signatureMismatch(cause: String)
    /// A signature the input cannot prove or disprove (a request-bin export that kept the body parsed, so the signed
    /// bytes are gone); `reason` says why and what to export instead.
    case signatureUncheckable(reason: String)

    public var message: String {
        switch self {
        // `kops help` typed in the shell (tester63 PTY try: "did you mean 'logs'?"): the shell is kops already.
        case .unknownCommand("kops", _):
            "'kops' is the shell you are in: type the command alone, e.g. 'help' or 'numbers' ('exit' leaves)"
        case .unknownCommand(let name, let suggestion):
            "unknown command '\(Shortened.text(name))'; " + Suggestion.advice(suggestion, otherwise: "type 'help' for the list")
        case .unknownFlag(let command, let flag, let suggestion):
            "\(command): unknown flag '\(Shortened.text(flag))'; " + Suggestion.advice(suggestion, otherwise: "see 'help \(command)'")
        case .missingArgument(let command, let what, let usage):
            "\(command): missing \(what); usage: \(usage)"
        case .invalidValue(let command, let what, let value, let expected):
            "\(command): invalid \(what) '\(Shortened.text(value))'; expected \(expected)"
        case .invalidSecretValue(let command, let flag, let problem, let expected):
            "\(command): \(flag) \(problem) (its value is not shown: it may hold secrets); \(expected)"
        case .maskedValue(let command, let subject, let masked, let thing, let fix):
            "\(command): \(subject) \(masked.what(thing)); \(fix)"
        case .copiedMask(let command, let mask, let also):
            "\(command): \(mask.statement); \(ShellError.maskAdvice(mask))" + (also.map { "; " + $0 } ?? "")
        case .unknownName(let command, let kind, let name, let suggestion, let known):
            "\(command): unknown \(kind) '\(Shortened.text(name))'; " + Suggestion.advice(suggestion, listing: known)
        case .unexpectedArgument(let command, let argument, let usage):
            "\(command): unexpected argument '\(Shortened.text(argument))'; usage: \(usage)"
        case .syntax(let text):
            text
        case .splitPhoneNumber(let command, let flag, let took, let left):
            "\(command): \(flag) took '\(took)' and left '\(left.joined(separator: " "))' as other words: a number with spaces "
                + "needs quotes (\(flag) '\(([took] + left).joined(separator: " "))') or none (\(flag) "
                + "+\(([took] + left).joined().filter { $0.isASCII && $0.isNumber }))"
        case .noPhoneNumberSelected:
            "no phone number selected; run 'use <phone-number-id>' first ('numbers' lists them)"
        case .noMatchingPhoneNumber(let query, let known, let searched):
            "no phone number in this project matches '\(query)'; " + (searched.map { $0 + "; " } ?? "")
                + (known.isEmpty ? "the project has no phone numbers" : "numbers: " + known.joined(separator: ", "))
        case .noMessageSelected(let command):
            // `reply` takes its message as --message (a first word is text, tester47 F8), `trace` as its argument.
            "\(command): no message selected; "
                + (command == "reply" ? "give --message WAMID or --to NUMBER" : "give a WAMID")
                + " or run 'message <wamid>' first ('messages' lists them)"
        case .idBeforeText(let command, let word, let what, let fix, let more):
            "\(command): the text " + (more ? "starts with" : "is only") + " '\(IDInput.echo(word))', \(what), which would be sent as text; \(fix)"
                + (more ? "; to send it as text, quote the whole text: \(command) \"\(IDInput.echo(word)) …\"" : "")
        case .unreadableID(let command, let value, let reason):
            "\(command): cannot read '\(value)' as an id: \(reason)"
        case .credentialAsID(let command, let reason):
            "\(command): \(reason)"
        case .trunkZeroKept(let command, let value, let reason):
            "\(command): '\(value)': \(reason)"
        case .idNotFound(let explanation), .notAPhoneNumberID(let explanation), .idUnchecked(let explanation, _):
            explanation
        case .nothingToContinue:
            "nothing to continue; 'next' follows the last list that had more pages"
        case .nextPageElsewhere(let command, let listed, let selected):
            "no next page for \(selected): the last list ('\(command)') was of \(listed); run '\(command)' for \(selected)'s first page"
        case .unknownErrorCode(let code):
            "unknown error code '\(code)': not in kops's catalogue; look it up in Meta's error codes "
                + "(\(ErrorCatalog.metaReference)) or, for a Kapso code, Kapso's API reference (docs.kapso.ai)"
        case .unknownErrorCodes(let codes, let joined?):
            "unknown error codes " + codes.map { "'\($0)'" }.joined(separator: ", ") + ": none is in kops's catalogue, but "
                + "together they are \(joined.code) (\(joined.name)): a code split by a space? write explain \(joined.code)"
        case .unknownErrorCodes(let codes, nil):
            "unknown error codes " + codes.map { "'\($0)'" }.joined(separator: ", ") + ": none is in kops's catalogue; look "
                + "them up in Meta's error codes (\(ErrorCatalog.metaReference)) or, for Kapso codes, Kapso's API reference (docs.kapso.ai)"
        case .noErrorCode(let command, let value, let what, let instead):
            "\(command): no Meta or Kapso error code in '\(Shortened.text(value))': \(what); \(instead)"
        case .notAnError(let command, let value, let what, let instead):
            "\(command): '\(Shortened.text(value))' is \(what), not an error; \(instead)"
        case .blankFileName(let command, let flag, let value, let usage):
            "\(command): \(flag.map { "the file name after \($0)" } ?? "the file name") is "
                + (value.isEmpty ? "empty" : "only spaces") + "; name a file; usage: \(usage)"
        case .unreadableFile(let path, let reason):
            "cannot read '\(path)': \(reason); check the path"
        case .malformedSignature(let command, let reason):
            "\(command): malformed signature: \(reason); pass the header value exactly as received"
        case .signatureMismatch(let cause):
            "invalid signature: \(cause)"
        case .signatureUncheckable(let reason):
            "verify: cannot check the signature: \(reason)"
        }
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .unknownCommand, .unknownFlag, .unknownName, .missingArgument, .invalidValue, .invalidSecretValue, .unexpectedArgument, .syntax:
            .usage
        case .maskedValue, .copiedMask: .usage
        case .splitPhoneNumber, .blankFileName: .usage
        case .malformedSignature, .unreadableID, .credentialAsID, .notAnError, .noErrorCode, .trunkZeroKept, .idBeforeText: .usage
        case .idNotFound, .notAPhoneNumberID: .failure
        case .idUnchecked(_, let status): status
        case .noPhoneNumberSelected, .noMessageSelected, .noMatchingPhoneNumber, .nothingToContinue, .nextPageElsewhere, .unknownErrorCode,
             .unknownErrorCodes,
             .signatureMismatch:
            .failure
        case .unreadableFile: .noInput
        case .signatureUncheckable: .uncheckable
        }
    }
}
