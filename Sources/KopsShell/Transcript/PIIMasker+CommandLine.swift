internal import Foundation
internal import KapsoDiagnostics

/// Command lines in transcript text: the numbers, bodies and template values a typed line carries, learned
/// before the line is masked, so the output that follows masks them too.
extension PIIMasker {
    /// A command line as the page shows it: a bare number after `--to` is a contact's, learned first.
    /// The text a `reply` line sends is a message body too.
    ///
    /// A number typed in any common form is a contact's and is learned (so the output masks it too) unless it
    /// is one of the business's own: `+`-prefixed, `00`-prefixed, written with spaces, dots, dashes or
    /// parentheses, or bare digits after `--to`, `--phone-number`, `--phone` or `whois` (up to 13, so ids stay).
    public func mask(commandLine line: String) -> String {
        maskingCommandLine = true
        defer { maskingCommandLine = false }
        let words = line.split(separator: " ")
        for (index, word) in words.enumerated() {
            // `--to=@maria.g`: the value glued to its flag.
            if let equals = word.firstIndex(of: "="), PIIMasker.numberArguments.contains(String(word[..<equals])) {
                learnTypedHandle(String(word[word.index(after: equals)...]))
                if word[..<equals] == "--endpoint" { learnEndpointNumbers(String(word[word.index(after: equals)...])) }
            }
            guard PIIMasker.numberArguments.contains(String(word)), index + 1 < words.count else { continue }
            let value = String(words[index + 1]).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            if word == "--endpoint" {
                learnEndpointNumbers(value)
                continue
            }
            // A WhatsApp username (`whois @maria.g`, `reply --to @maria.g`) names the contact as their number does
            // (probe41 P41-2: it stayed in clear on the line while the result masked it).
            learnTypedHandle(value)
            // After `whois` and `--phone-number` a bare run of 14 digits or more is an id (phone-number, WABA); one of 7
            // is a short number (`whois 6831234`: Niue's are 7 digits with their code, Iceland's 7 without; tester62 AJ13).
            let digits = PIIMasker.normalized(value)
            let longest = word == "--to" ? 15 : 13
            if PIIMasker.isBareNumber(value) || (digits.count == 7 && digits == value), !value.hasPrefix("+"), digits.count <= longest {
                learnTyped(digits, fewest: 7)
            }
        }
        learnTypedNumbers(in: line)
        var typedText: String?
        if words.first == Substring(ReplyCommand.name), line.contains("--template") {
            // A template reply's values (`--param Lee`, `--param customer_name=Lee`) are what the contact reads
            // of it: masked like bodies. Read with the shell's lexer, so quoted values keep their spaces.
            for value in PIIMasker.templateValues(in: line) {
                learnTemplateValue(value)
                add(value, as: .body)
            }
        } else if words.first == Substring(ReplyCommand.name), var text = PIIMasker.replyText(in: line) {
            // A quoted text is learned without its quotes, as it appears in the output.
            for quote in ["\"", "'"] where text.count > 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
                text = String(text.dropFirst().dropLast())
            }
            add(text, as: .body)
            typedText = text
        }
        let masked = maskShortParameters(mask(line))
        // The text a reply sends is what the message says: a one-word text (`reply thanks`) is masked there too,
        // as at the end of the line (PIIMasker+Forms).
        if let typedText, knows(typedText, as: .body), pattern(typedText).isPlainWord {
            for shown in [typedText, "\"\(typedText)\"", "'\(typedText)'"] {
                if masked.hasSuffix(" " + shown) { return String(masked.dropLast(shown.count)) + mask(shown, content: true) }
                // Before the flags that follow it (`reply --to … hi --dry-run`, tester67b Z1).
                if let found = masked.range(of: " " + shown + " --", options: .backwards) {
                    let start = masked.index(after: found.lowerBound)
                    let end = masked.index(start, offsetBy: shown.count)
                    return String(masked[..<start]) + mask(shown, content: true) + String(masked[end...])
                }
            }
        }
        return masked
    }

    /// The text a `reply` line sends, as typed: from its first word that is no flag (a valued flag's value skipped) to
    /// the line's end; nil when there is none. Words are read with the shell's lexer, so a quoted value with spaces
    /// (`--to '+1 415 555 0402'`) is one word: split at spaces, its rest and every flag after it (`--dry-run`) were
    /// taken as the text and masked as a body, `reply --to '+1 <body 1>` (tester67 Y1). A line the lexer refuses (an
    /// open quote) runs no command: its words split at spaces.
    static func replyText(in line: String) -> String? {
        let valued = Set(ReplyCommand.flags.filter { $0.valueName != nil }.map(\.name))
        let scalars = Array(line.unicodeScalars)
        let sources: [Range<Int>]
        // The words as the shell reads them (a flag quoted whole, `'--to=+1 415 555 0171'`, is a flag: tester67b Z1, where
        // the rest of the line was masked as one body, `reply <body 2>`), sliced from the line as typed.
        var lexed: [String]?
        if let spans = (try? Lexer.spans(in: line))?.first {
            sources = spans.map(\.source)
            lexed = spans.map(\.word.text)
        } else {
            var ranges: [Range<Int>] = []
            var start: Int?
            for (at, scalar) in scalars.enumerated() {
                if scalar == " " {
                    if let from = start { ranges.append(from..<at) }
                    start = nil
                } else if start == nil {
                    start = at
                }
            }
            if let from = start { ranges.append(from..<scalars.count) }
            sources = ranges
        }
        let typed = sources.map { String(String.UnicodeScalarView(scalars[$0])) }
        // A quoted word is read as a flag only when it names one of reply's (`'--to=…'`): a quoted text that starts with
        // dashes (`'--hi there'`) stays the text, masked.
        let names = Set(ReplyCommand.flags.map(\.name))
        let words = zip(typed, lexed ?? typed).map { typed, word in
            typed.hasPrefix("--") || names.contains(String(word.prefix { $0 != "=" })) ? word : typed
        }
        // The words a flag at `at` takes: two for a valued flag written apart from its value, else one.
        func flagWidth(_ at: Int) -> Int {
            valued.contains(String(words[at].prefix { $0 != "=" })) && !words[at].contains("=") ? 2 : 1
        }
        var index = 1
        var afterSeparator = false
        while index < words.count, words[index].hasPrefix("--") {
            // `--` ends the flags: every word after it is the text, `--not-a-flag` too (tester67b Z1).
            if words[index] == "--" {
                index += 1
                afterSeparator = true
                break
            }
            index += flagWidth(index)
        }
        guard index < words.count, let last = sources.last else { return nil }
        // Flags after the text (`reply --to … hi --dry-run`) are the command's, not the text's: the text ends before them
        // when nothing but flags follows (tester67b Z1: `--dry-run` was masked into the body, and the line read as a live
        // send). A word of text after such a flag keeps the whole rest as the text (masking more, never less).
        var end = sources.count - 1
        if !afterSeparator, let flag = words[index...].firstIndex(where: { $0.hasPrefix("--") }) {
            var rest = flag
            var onlyFlags = true
            while rest < words.count {
                guard words[rest].hasPrefix("--"), words[rest] != "--" else { onlyFlags = false; break }
                rest += flagWidth(rest)
            }
            if onlyFlags { end = flag - 1 }
        }
        return String(String.UnicodeScalarView(scalars[sources[index].lowerBound..<sources[end].upperBound]))
    }

    /// The values of `--param` words of a `reply --template` line, without a leading `name=`.
    static func templateValues(in line: String) -> [String] {
        guard let words = (try? Lexer.commands(in: line))?.first?.map(\.text) else { return [] }
        var values: [String] = []
        for (index, word) in words.enumerated() {
            var value: String?
            if word == "--param", index + 1 < words.count { value = words[index + 1] }
            if word.hasPrefix("--param=") { value = String(word.dropFirst("--param=".count)) }
            guard var value else { continue }
            if let equals = value.firstIndex(of: "="), TemplateCheck.isVariableName(value[..<equals]) {
                value = String(value[value.index(after: equals)...])
            }
            if !value.isEmpty { values.append(value) }
        }
        return values
    }

    func learnTemplateValue(_ value: String) {
        templateValues.insert(value)
        if !value.isEmpty, value.count < 3, !PIIMasker.isMasked(value) { shortTemplateValues.insert(value) }
    }

    /// `template NAME (LANG): H, a, name=b` → each short learned value in the list after the colon as its alias; the
    /// list ends at a column gap (two spaces) or the text's end.
    func maskTemplateList(_ text: String) -> String {
        guard !shortTemplateValues.isEmpty, let start = text.range(of: "template ") else { return text }
        var rest = text[start.upperBound...]
        rest = rest.drop { $0 != " " && $0 != ":" }
        if rest.hasPrefix(" (") { rest = rest.drop { $0 != ")" }.dropFirst() }
        guard rest.hasPrefix(": ") else { return text }
        let listStart = rest.index(rest.startIndex, offsetBy: 2)
        let listEnd = text[listStart...].range(of: "  ")?.lowerBound ?? text.endIndex
        let shown = text[listStart..<listEnd]
        if shown.hasPrefix("header ") || shown.hasPrefix("\"") {
            // The send as the contact reads it (`TemplateCheck.rendered`: `header "Order A1"; "Hi Lee, …"`): a short value
            // is masked on word boundaries there, as in a message's content.
            let rendered = maskShortTemplateValues(in: String(shown))
            return String(text[..<listStart]) + rendered
                + PIIMasker.realigned(text[listEnd...], delta: rendered.count - shown.count)
        }
        let items = text[listStart..<listEnd].components(separatedBy: ", ").map { item -> String in
            let equals = item.firstIndex(of: "=").flatMap { TemplateCheck.isVariableName(item[..<$0]) ? $0 : nil }
            let value = equals.map { String(item[item.index(after: $0)...]) } ?? item
            guard shortTemplateValues.contains(value) else { return item }
            return (equals.map { String(item[...$0]) } ?? "") + alias(for: value, prefix: "body")
        }
        let list = items.joined(separator: ", ")
        let gap = String(text[listEnd...])
        let delta = list.count - text[listStart..<listEnd].count
        return String(text[..<listStart]) + list + PIIMasker.realigned(Substring(gap), delta: delta)
    }

    /// `text` with each short template value (`shortTemplateValues`: `A1`, `42`) as its alias where it stands as a word:
    /// for text that shows what a template send says (a message's content, the rendered send), where such a value is the
    /// contact's as much as a longer one (`Lee`), which is masked everywhere (tester53b U21: `A1` stayed in clear).
    func maskShortTemplateValues(in text: String) -> String {
        var result = text
        for value in shortTemplateValues.sorted() {
            result = PIIMasker.replace(pattern(value), with: alias(for: value, prefix: "body"), in: result)
        }
        return result
    }

    /// A `reply --template` line with each `--param` value that is a short template value (`--param A1`,
    /// `--param=order=A1`, quoted or not) as its alias, as a longer value's is on the same line.
    func maskShortParameters(_ line: String) -> String {
        guard !shortTemplateValues.isEmpty else { return line }
        var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices {
            let glued = words[index].hasPrefix("--param=")
            guard glued || (index > 0 && words[index - 1] == "--param") else { continue }
            let head = glued ? "--param=" : ""
            var value = Substring(words[index].dropFirst(head.count))
            if value.count >= 2, let quote = value.first, quote == "'" || quote == "\"", value.last == quote {
                value = value.dropFirst().dropLast()
            }
            var name = ""
            if let equals = value.firstIndex(of: "="), TemplateCheck.isVariableName(value[..<equals]) {
                name = String(value[...equals])
                value = value[value.index(after: equals)...]
            }
            guard shortTemplateValues.contains(String(value)) else { continue }
            words[index] = head + name + alias(for: String(value), prefix: "body")
        }
        return words.joined(separator: " ")
    }

    /// Words after which bare digits are a contact's number, and a `@handle` a contact's WhatsApp username.
    static let numberArguments: Set<String> = ["--to", "--phone-number", "--phone", "whois", "--endpoint"]

    /// Learns each bare run of digits in a typed `logs --endpoint` value (`07700900001`, `/contacts/07700900001`,
    /// `%2F07700900001`) as a contact's number, as `whois` learns one (up to 13 digits, so a phone-number or WABA id
    /// stays): the line showed a national-form number in clear while the output masked it (tester61, item 6).
    private func learnEndpointNumbers(_ value: String) {
        let decoded = value.removingPercentEncoding ?? value
        for piece in decoded.split(whereSeparator: { !($0.isASCII && $0.isNumber) }) where (8...13).contains(piece.count) {
            learnTyped(String(piece))
        }
    }

    /// Learns a typed `@handle` (quotes around it dropped) as a contact's WhatsApp username.
    private func learnTypedHandle(_ word: String) {
        let value = word.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        guard IDInput.isUsername(value), value.count >= 3, !PIIMasker.isMasked(value) else { return }
        learnUsername(value)
        add(value, as: .contact)
    }

    /// A typed contact number's digits, without an international `00` prefix; the business's own are left.
    private func learnTyped(_ digits: String, fewest: Int = 8) {
        let digits = PIIMasker.normalized(digits)
        guard digits.count >= fewest, !isOwn(digits) else { return }
        contactNumbers.insert(digits)
    }

    /// Learns numbers a command line writes in a contact number's form (`typedNumbers`).
    private func learnTypedNumbers(in line: String) {
        for digits in PIIMasker.typedNumbers(in: line) { learnTyped(digits) }
    }

    /// The digits of each number `line` writes in a contact number's form: `+` or `00` first, or with
    /// spaces, dots, dashes or parentheses. A masked number (`+1 415 ••• 0142`) is none.
    public static func typedNumbers(in line: String) -> [String] {
        let characters = Array(line)
        var numbers: [String] = []
        var index = 0
        while index < characters.count {
            guard let run = numberRun(in: characters, at: index) else {
                index += 1
                continue
            }
            let digits = self.digits(run.original)
            if (run.original.hasPrefix("+") || run.original.hasPrefix("00") || run.original.count != digits.count)
                && !(run.original.hasPrefix("(") && !run.original.contains(")"))
            {
                numbers.append(digits)
            }
            index = run.last + 1
        }
        return numbers
    }

    /// Digits without an international `00` prefix (`0014155550157` → `14155550157`).
    static func normalized(_ digits: String) -> String {
        digits.hasPrefix("00") ? String(digits.dropFirst(2)) : digits
    }
}
