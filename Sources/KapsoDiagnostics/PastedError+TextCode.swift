internal import Foundation
internal import KapsoClient

/// How `PastedError` finds the code in pasted words (`131026 Message undeliverable`, `error_code=100`, `failed 0 of 3:
/// 131026`), and the fields beside it that are no code (`error_subcode: 33`, `attempt_count: 0`, `retries: 0`).
extension PastedError {
    /// What `explain` adds when the code read is 0: Meta lists 0 as AuthException (developers.facebook.com, WhatsApp
    /// Cloud API error codes), but a 0 is also what many tools print for success (tester56b AA7).
    public static let zeroCaveat = "0 is also what many tools print for 'no error' (a success code, an exit status): if "
        + "nothing failed, there is no error to explain; paste the error body the API answered"

    /// `#131047` where it stands as Meta's code (`hashCode(in:)`), else digits after the word `code` (not `subcode`, nor `exit code`), else a number that stands
    /// as a code (`numberCode`), else a known string code. A 0 found so stands aside for a Meta code or an HTTP status
    /// elsewhere in the words (`failed 0 of 3: 131026`), and is the code only when it is the text's only number
    /// (tester56b AA7: read as Graph's code 0, "auth exception", wherever it came first).
    static func code(inText pasted: String) -> String? {
        let text = readable(pasted)
        if let hash = hashCode(in: text) { return hash }
        // A colon closing a word is punctuation: `Error 131047: Re-engagement message`, as Meta's dashboards and logs
        // print it (tester57 AB9: refused as no code). Read so only where no word without a colon stands as a code:
        // `HTTP 400: 131047` is Graph's 131047 answered with HTTP 400, not HTTP 400 alone, and `HTTP 200: 131047` no
        // Graph code 200 (tester57b AC2).
        // A sentence's full stop closes a number too (`explain '131047.'`, tester58 AD2).
        let plain = words(of: text)
        let words = numberCode(in: plain) != nil ? plain : plain.map { $0.hasSuffix(":") ? String($0.dropLast()) : $0 }
        if let found = afterCodeWord(text) ?? numberCode(in: words) {
            // An HTTP status (`statusCode: 400, code: 131047`, `status code 400, error code 132000`, `failed with 400 /
            // 131047`) stands aside for a Meta code or a Kapso code elsewhere in the words: the status says only that the
            // call was refused, the code why (tester58 AD2: the code was dropped for "HTTP 400 … read the error text").
            if found.count == 3, Int(found).map((400...599).contains) == true, let code = causeCode(in: words, besides: found) {
                return code
            }
            guard isZero(found) else { return found }
            if let other = numberCode(in: words, skippingZero: true), isCode(other) { return other }
            let numbers = text.split { !($0.isASCII && $0.isNumber) }
            return numbers.allSatisfy(isZero) ? found : nil
        }
        if words.count == 1, let word = words.first { return word }
        // A `#N` that `hashCode` did not take is a thing's number (`order #100`), not `#N` for the catalogue to read.
        return words.first { !isNumber($0) && !$0.hasPrefix("#") && ErrorCatalog.entry(for: $0) != nil }
    }

    /// The digits after a `#` that stand as Meta's code: `(#131047)` (Graph's message starts so, kapso-api.md §9.4), `#131047`
    /// opening the text, after a word that introduces a code (`error #100`), or six or seven digits after another word.
    /// A shorter number after a thing's name is its number (`order #100`, `ticket #4`, `invoice #190`: tester59b AG22,
    /// read as Graph's 100, 4 and 190), and so is any after `OtherToolNumber.referenceWords`. Nil when no `#` stands so.
    public static func hashCode(in text: String) -> String? {
        let characters = Array(text)
        for (hash, character) in characters.enumerated() where character == "#" {
            let digits = String(characters[(hash + 1)...].prefix { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty else { continue }
            let before = String(characters[..<hash]).trimmingSpaces()
            guard let last = before.last, last.isLetter || last == ":" else { return digits }
            let word = String(before.reversed().prefix { $0.isLetter || $0 == "_" || $0 == ":" }.reversed()).lowercased()
                .trimmingCharacters(in: [":"])
            if codeIntroducers.contains(word) || word.hasSuffix("exception") { return digits }
            if (6...7).contains(digits.count), !OtherToolNumber.referenceWords.contains(word) { return digits }
        }
        return nil
    }

    /// Words before a number or `#N` that introduce an error code or an HTTP status (`error 131026`, `HTTP 500`, `error #100`).
    static let codeIntroducers: Set = [
        "error", "err", "errors", "code", "status", "statuscode", "status_code", "http_status", "http", "failed", "failure", "with",
    ]

    /// `text`'s words, a sentence's full stop after a number dropped (`explain '131047.'`, tester58 AD2).
    /// A structured log's `status=400` is two words, the field and its status (tester59b AG8: `status=400 body={…}` lost the
    /// status); other `key=value` words stay whole (`retry_after=30` is no code).
    private static func words(of text: String) -> [String] {
        text.split { $0.isWhitespace || ",;()[]{}\"'".contains($0) }
            .map { $0.hasSuffix(".") && isNumber(String($0.dropLast())) ? String($0.dropLast()) : String($0) }
            .flatMap(statusField)
    }

    /// `status=400` as its field and its status; any other word as it is.
    static func statusField(_ word: String) -> [String] {
        let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, statusFields.contains(parts[0].lowercased()), isNumber(parts[1]) else { return [word] }
        return parts
    }

    /// Field names whose value is an HTTP status.
    static let statusFields: Set = ["status", "statuscode", "status_code", "http_status", "httpstatus", "http_code", "response_status"]

    /// The HTTP status pasted beside `code` (`HTTP 503, retry after 30, code 131000`, `Error: 429 Too Many Requests
    /// (#130429)`, `statusCode: 400, code: 131047`): a number of 100–599 that is not `code`, first in the text or after a
    /// word that introduces a status (`HTTP`, `status`, `statusCode`, `error`, `failed [with]`); nil when the words hold
    /// none.
    static func status(inText pasted: String, besides code: String) -> Int? {
        let words = words(of: readable(pasted)).map { $0.hasSuffix(":") || $0.hasSuffix("=") ? String($0.dropLast()) : $0 }
        let introducing: Set = ["http", "status", "statuscode", "status_code", "http_status", "httpstatus", "error", "err", "failed"]
        for (index, word) in words.enumerated() where word != code && word.count == 3 && isNumber(word) {
            // Only the word before decides: `HTTP 503 retry after 30` is a status a retry follows, not 503 retries.
            guard let status = Int(word), (100...599).contains(status) else { continue }
            var before = index == 0 ? nil : words[index - 1].lowercased()
            // `failed with 400`, `failed with status 400`: `with` after an introducing word introduces it too.
            if before == "with", index >= 2 { before = words[index - 2].lowercased() }
            // `status code 400`: the word `code` after `status`.
            if before == "code", index >= 2, words[index - 2].lowercased() == "status" { before = "status" }
            if before == nil || introducing.contains(before ?? "") || before?.hasPrefix("http/") == true { return status }
        }
        return nil
    }

    /// Graph's subcode written beside the code (`error_subcode: 33`, `subcode=2494010`); nil when the words have none.
    static func subcode(inText text: String) -> Int? {
        guard let range = text.lowercased().range(of: "subcode") else { return nil }
        let digits = text[range.upperBound...].drop { "\"': =".contains($0) }.prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }

    /// `text` with terminal control sequences (`ESC ] 0 ; title BEL`, `ESC [ 31 m`) and other control characters as
    /// spaces: a number inside one is no code (tester56b AA7: the 0 of `ESC]0;` in a pasted body was read as code 0).
    static func readable(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard scalar == "\u{1B}" else {
                out.append(scalar.properties.generalCategory == .control && !scalar.properties.isWhitespace ? " " : scalar)
                continue
            }
            out.append(" ")
            guard index < scalars.count else { break }
            let kind = scalars[index]
            index += 1
            if kind == "]" {
                // OSC: up to BEL or ST (ESC \).
                while index < scalars.count, scalars[index] != "\u{07}", scalars[index] != "\u{1B}" { index += 1 }
                index += index < scalars.count && scalars[index] == "\u{1B}" ? 2 : 1
            } else if kind == "[" {
                // CSI: parameter and intermediate bytes, then one final byte.
                while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
                index += 1
            }
        }
        return String(out)
    }

    /// `text` as JSON, also when a string in it holds raw control characters (a body copied from a log with a terminal
    /// sequence in it, which JSON forbids unescaped): those are read as `\u00XX` escapes.
    static func json(_ text: String) -> (json: JSONValue, text: String)? {
        if let json = try? JSONValue.parse(Array(text.utf8)) { return (json, text) }
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0) }) else { return nil }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20, !"\t\n\r".unicodeScalars.contains(scalar) {
                escaped += String(format: "\\u%04x", scalar.value)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return (try? JSONValue.parse(Array(escaped.utf8))).map { ($0, escaped) }
    }

    /// The digits after the first word `code` with digits after it (`code: 131026`, `error_code=100`, `errorCode 131026`);
    /// `subcode` and `exit code` name no error code.
    private static func afterCodeWord(_ text: String) -> String? {
        let lowered = text.lowercased()
        var start = lowered.startIndex
        while let range = lowered.range(of: "code", range: start..<lowered.endIndex) {
            start = range.upperBound
            let before = lowered[..<range.lowerBound]
            // `exited with code 1`, `exitCode: 1`: a process's exit status (`OtherToolNumber`, tester59 AF1).
            if before.hasSuffix("sub") || before.hasSuffix("exit ") || before.hasSuffix("exit_") || before.hasSuffix("exit")
                || before.hasSuffix("exited with ")
            {
                continue
            }
            let digits = lowered[range.upperBound...].drop { "\"': =".contains($0) }.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty { return String(digits) }
        }
        return nil
    }

    /// The first number that stands as a code: the first word (`131026 Message undeliverable`), one after a path, a
    /// placeholder or a word that introduces a code (`error 131026`, `HTTP 429`, `GET /… 404`), or a six- or seven-digit
    /// one anywhere (Meta's WhatsApp codes, 13xxxx). A shorter number after a word of prose is a count, limit or wait
    /// ("retry in 10 s", "exceeded 100 requests"): no code (tester50 F1). Nor is a number its next word counts or times
    /// (`failed (4 attempts)`, `webhook failed 10 minutes ago`, `Error 500 times`: tester55 X5, read as Meta's code 4
    /// "app rate limit" and code 10 "permission denied"), nor one a field or word before it names as a count or a
    /// subcode (`attempts left: 2`, `retries: 0`, `attempt_count: 0`, `error_subcode: 0`: tester55b Y1, tester56b AA7).
    private static func numberCode(in words: [String], skippingZero: Bool = false) -> String? {
        let introducing: Set = ["error", "err", "errors", "status", "http", "failed", "failure", "get", "post", "put", "patch", "delete"]
        for (index, word) in words.enumerated() where isNumber(word) && !(skippingZero && isZero(word)) {
            // Another tool's number: an exit status, curl's `(6)`, a count of things, `200 OK` (tester59 AF1).
            if isCount(at: index, in: words) || OtherToolNumber.kind(at: index, in: words) != nil { continue }
            // `failed with 368`, `error with code 100`: `with` after a word that introduces a code introduces it too.
            let joined = index >= 2 && words[index - 1].lowercased() == "with" && introducing.contains(words[index - 2].lowercased())
            let before = index == 0 || joined ? nil : words[index - 1]
            // Graph's error type names a code too (`OAuthException 190`, `GraphMethodException 100`).
            let prose = before.map {
                $0.count >= 2 && $0.allSatisfy(\.isLetter) && !introducing.contains($0.lowercased()) && !$0.lowercased().hasSuffix("exception")
            } ?? false
            if !prose || (6...7).contains(word.count) { return word }
        }
        return nil
    }

    /// The first word that names why a call failed beside its HTTP status `status`: a Meta code (six or seven digits, or
    /// five the catalogue knows, such as 80007) that no word around it makes a count or a subcode, or a Kapso string code
    /// the catalogue knows (`marketing_preference_stopped`); nil when the words hold none.
    private static func causeCode(in words: [String], besides status: String) -> String? {
        for (index, word) in words.enumerated() where word != status {
            if isNumber(word) {
                guard (6...7).contains(word.count) || (word.count == 5 && ErrorCatalog.entry(for: word) != nil),
                    !isCount(at: index, in: words)
                else { continue }
                return word
            }
            if word.contains("_"), ErrorCatalog.entry(for: word) != nil { return word }
        }
        return nil
    }

    /// True when the word after the number at `index` counts or times it (`countingWords`; of `A x B` the shorter), or the word or field before
    /// it names a count, a subcode or an id (`countFields`, `idWords`: `request 1234567 failed with status 400` holds no
    /// Graph code 1234567, tester58b AE8).
    private static func isCount(at index: Int, in words: [String]) -> Bool {
        // `131047 x 10`: the code times a count; `3 x 131047`: a count times the code (tester59b AG7).
        if index + 2 < words.count, ["x", "×"].contains(words[index + 1].lowercased()), isNumber(words[index + 2]) {
            return words[index].count < words[index + 2].count
        }
        guard index + 1 >= words.count || !countingWords.contains(words[index + 1].lowercased()) else { return true }
        guard index >= 1 else { return false }
        let before = words[index - 1].lowercased().trimmingCharacters(in: [":", "=", "#"])
        return countFields.contains(before) || idWords.contains(before)
    }

    /// Words and field names before a number that make it the id of something, not a code: a request, a trace, an order.
    static let idWords: Set = [
        "id", "request", "request_id", "requestid", "req", "trace", "trace_id", "traceid", "fbtrace_id", "order", "order_id",
        "ticket", "job", "invoice", "user", "user_id", "customer", "account", "pid",
    ]

    /// Words after a number that make it a count, a share or a time, not a code.
    static let countingWords: Set = [
        "time", "times", "x", "attempt", "attempts", "try", "tries", "retry", "retries", "call", "calls", "request", "requests",
        "delivery", "deliveries", "event", "events", "ms", "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute",
        "minutes", "h", "hr", "hrs", "hour", "hours", "d", "day", "days", "week", "weeks", "%", "percent",
    ]

    /// Words and field names before a number that make it a count or Graph's subcode, not the code: a delivery's
    /// `attempt_count` (kapso-api.md §4), a retry count, Graph's `error_subcode` (§9.4).
    static let countFields: Set = [
        "left", "remaining", "attempt_count", "attempts", "attempt", "retries", "retry_count", "tries", "error_subcode", "subcode",
    ]

    /// True for a Meta code (six or seven digits, or one the catalogue knows) or an HTTP status: what a 0 stands aside for.
    private static func isCode(_ number: String) -> Bool {
        (6...7).contains(number.count) || ErrorCatalog.entry(for: number) != nil
            || Int(number).map(PastedDeliveryStatus.httpStatuses.contains) == true
    }

    private static func isZero(_ word: some StringProtocol) -> Bool { !word.isEmpty && word.allSatisfy { $0 == "0" } }

    private static func isNumber(_ word: String) -> Bool { !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isNumber } }
}
