/// A number in pasted words that is another tool's, not a Graph or Kapso error code: a process's exit status (`Process
/// exited with code 1`, `exit status 3`), a count (`10 messages failed`), an HTTP success status (`failed: 200 OK but no
/// message id`), Cloudflare's 1xxx error page code (`error code: 1020`).
///
/// Meta's codes are read where the words say a code stands (`code`, `error_code`, `"code":`, `(#N)`, a number typed
/// alone; kapso-api.md §9.4); these numbers were read as Graph codes and explained with confidence (tester59 AF1:
/// `exit status 3` → "capability or permission", `10 messages failed` → "permission denied").
public struct OtherToolNumber: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case exitStatus, count, successStatus, cloudflare
        /// HTTP status 000 or 0: what curl, browsers and HTTP clients print when no answer came.
        case noAnswer
        /// An HTTP/2 error code (`(err 2)` after `INTERNAL_ERROR`, RFC 9113 §7), as curl, nghttp2, Node and Go print it.
        case http2Error
        /// The number of one of the caller's own things (`order #100`, `ticket #4`, `line 42`), or a log prefix's thread
        /// id (`E1206 10:32:11.123456 1 sender.go:88]`): `thing` names it (tester59b AG22).
        case reference(thing: String)
    }

    /// The number as pasted.
    public var number: String
    public var kind: Kind

    /// Reads the first such number in `text`; nil when it holds none.
    public init?(_ text: String) {
        let words = Self.words(text)
        // `order #100`: `#` with a thing's name before it is that thing's number (`(#100)` is Meta's code).
        for index in words.indices where index > 0 && words[index].hasPrefix("#") && Self.isNumber(String(words[index].dropFirst())) {
            let before = words[index - 1]
            if before.count > 1, before.allSatisfy(\.isLetter), !PastedError.codeIntroducers.contains(before.lowercased()) {
                number = String(words[index].dropFirst())
                kind = .reference(thing: before.lowercased())
                return
            }
        }
        for index in words.indices where Self.isNumber(words[index]) {
            if let kind = Self.kind(at: index, in: words, text: text) {
                (number, self.kind) = (words[index], kind)
                return
            }
        }
        return nil
    }

    /// What the number is, for a line that says no error code was found.
    public var what: String {
        switch kind {
        case .exitStatus: "\(number) is a process's exit status (the program's own, not the API's answer)"
        case .count:
            "\(number) reads as a count, not a code (if it is Meta's code itself, 'explain \(number)' alone reads it)"
        case .reference(let thing) where thing == "thread":
            "\(number) is the thread id of a glog/klog line's prefix (Lmmdd hh:mm:ss.uuuuuu THREADID file:line]), not a code"
        case .reference(let thing):
            "\(number) is the \(thing)'s number, not an error code (Meta writes its codes as (#N), or after 'code' or 'error')"
        case .successStatus: "\(number) is an HTTP success status: the API answered without an error"
        case .noAnswer:
            "HTTP \(number) is what curl and HTTP clients print when no HTTP answer came (the connection failed, timed out or "
                + "was refused), not an answer of Meta or Kapso"
        case .http2Error:
            "\(number) is an HTTP/2 error code (RFC 9113 section 7: 1 PROTOCOL_ERROR, 2 INTERNAL_ERROR, 7 REFUSED_STREAM): the "
                + "connection's framing between the caller and the host, often a proxy, not an answer of Meta or Kapso"
        case .cloudflare:
            "\(number) looks like Cloudflare's error page code (\(Self.cloudflareMeaning[number] ?? "a 1xxx error")), "
                + "answered by a Cloudflare proxy in front of the host, not by Meta or Kapso (developers.cloudflare.com, "
                + "Cloudflare 1xxx errors)"
        }
    }

    /// What to paste instead.
    public var instead: String {
        switch kind {
        case .cloudflare:
            "check which host the call went to and whether a Cloudflare rule in front of it blocks the caller; if the call "
                + "went to Kapso or Meta, paste the answer's body"
        case .successStatus:
            "if something still failed, paste the body the API answered (a send answers messages[].id) or the message's "
                + "status with its errors[]"
        case .noAnswer, .http2Error:
            "check the network path to the host (DNS, TLS, a proxy or firewall) and try again; for a send, check 'messages' "
                + "before sending again (it may have gone); 'errors' shows each failed call through Kapso with its code"
        case .exitStatus, .count, .reference:
            "paste the error the API answered: its code (such as 131047), Meta's text ('(#131047) …') or the body in single quotes; "
                + "'errors' shows each failed call through Kapso with its code"
        }
    }

    /// The kind of the number at `index` of `words` when it is another tool's; nil when it may be a code.
    static func kind(at index: Int, in words: [String], text: String = "") -> Kind? {
        let word = words[index]
        let before = (1...3).map { index >= $0 ? words[index - $0].lowercased().trimmingSuffix(":=") : "" }
        let after = index + 1 < words.count ? words[index + 1].lowercased().trimmingSuffix(":=.") : ""
        // `exit status 3`, `exit code 1`, `exited with code 1`, `returned non-zero exit status 1`, `exitCode: 1`, curl's
        // `curl: (6)` (its exit status; `CurlExit` reads it).
        if ["status", "code"].contains(before[0]), ["exit", "exited"].contains(before[1]) { return .exitStatus }
        if ["status", "code"].contains(before[0]), before[1] == "with", ["exit", "exited"].contains(before[2]) { return .exitStatus }
        if ["exitcode", "exit_code", "exitstatus", "exit_status", "curl"].contains(before[0]) { return .exitStatus }
        if isCount(at: index, in: words) { return .count }
        if let thing = reference(at: index, in: words) { return .reference(thing: thing) }
        // `HTTP 200 but not delivered`, `status 204`, `HTTP 000` (tester59b AG20, AG24): a status word before it makes it an
        // HTTP status, and a 2xx or a 0 is no error of Meta's (Meta's codes 0, 1, 2, 200… are read where a code stands).
        if before[0] == "http" || PastedError.statusFields.contains(before[0]), let status = Int(word) {
            if status == 0 { return .noAnswer }
            if (200...299).contains(status) { return .successStatus }
        }
        // `INTERNAL_ERROR (err 2)`: HTTP/2's error code after its name (tester59b AG1).
        if before[0] == "err", before[1].hasSuffix("_error") || before[1] == "no_error" || text.lowercased().contains("http/2") {
            return .http2Error
        }
        if let status = Int(word), (200...299).contains(status), ["ok", "created", "accepted", "no"].contains(after) {
            return .successStatus
        }
        // A row of kops's own `logs` table (`GET  /platform/v1/whatsapp/messages  200  1 ms  kapso-sim`): the status after a
        // method and path is the call's HTTP answer (tester67b Z3: a 200 read as Graph code 200, "permission").
        if let status = Int(word), (200...299).contains(status), before[0].hasPrefix("/"), httpMethods.contains(before[1]) {
            return .successStatus
        }
        // Cloudflare's block page says `error code: 1020`; Meta's codes have no 1xxx (the catalogue holds none).
        let lowered = text.lowercased()
        if word.count == 4, word.hasPrefix("1"), before[0] == "code",
            lowered.contains("cloudflare") || lowered.contains("cf-ray") || lowered.contains("error code: \(word)")
        {
            return .cloudflare
        }
        return nil
    }

    /// True when the number at `index` counts things (tester59b AG7): a short number before a plural noun (`2 errors:
    /// 131047`), `1` before a singular one (`1 error: 131047`), either side of `of` (`failed 2 of 3`), the short side of
    /// `x` (`131047 x 10`, `3 x 131047`), or before a tally word with no status word before it (`5 failed (131026)`).
    static func isCount(at index: Int, in words: [String]) -> Bool {
        let word = words[index]
        guard word.count < 6 else { return false }
        func lowered(_ at: Int) -> String { words.indices.contains(at) ? words[at].lowercased().trimmingSuffix(":=.") : "" }
        let (before, after, next) = (lowered(index - 1), lowered(index + 1), lowered(index + 2))
        if countedNouns.contains(after) || (word == "1" && countedNouns.contains(after + "s")) { return true }
        if after == "of", isNumber(next) { return true }
        if before == "of", isNumber(lowered(index - 2)) { return true }
        if ["x", "×"].contains(after), isNumber(next), next.count > word.count { return true }
        if ["x", "×"].contains(before), isNumber(lowered(index - 2)), lowered(index - 2).count > word.count { return true }
        return tallyWords.contains(after) && !PastedError.codeIntroducers.contains(before)
    }

    /// What the number at `index` numbers when a word before it names one of the caller's things (`order 100`, `line 42`),
    /// or when it is the thread id of a glog/klog prefix (`E1206 10:32:11.123456 1 sender.go:88]`, the format of Go's
    /// github.com/golang/glog and Kubernetes' klog: `Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`); nil otherwise.
    static func reference(at index: Int, in words: [String]) -> String? {
        if index == 2, isLogLevelDate(words[0]), words[1].filter({ $0 == ":" }).count == 2,
            words[1].allSatisfy({ $0.isNumber || ":.".contains($0) })
        {
            return "thread"
        }
        guard index > 0 else { return nil }
        let before = words[index - 1].lowercased().trimmingSuffix(":=#")
        return referenceWords.contains(before) ? before : nil
    }

    /// `E1206`: glog's level letter (I, W, E, F) and month-day.
    private static func isLogLevelDate(_ word: String) -> Bool {
        word.count == 5 && "IWEF".contains(word.first ?? " ") && word.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Words before a number that make it the number of one of the caller's things, not a code.
    static let referenceWords: Set = [
        "order", "ticket", "invoice", "issue", "case", "job", "build", "run", "pr", "bug", "task", "incident", "line", "port",
        "thread", "tid", "worker", "pid", "row", "step", "page", "batch", "item", "customer", "account", "user",
    ]

    /// Words after a number that tally outcomes (`5 failed`, `3 sent`): the number counts them.
    static let tallyWords: Set = [
        "failed", "sent", "delivered", "succeeded", "undelivered", "rejected", "bounced", "dropped", "errored", "queued", "pending",
    ]

    /// Plural nouns after a number that make it a count of things (`10 messages failed`, `3 templates rejected`).
    static let countedNouns: Set = [
        "messages", "templates", "contacts", "numbers", "webhooks", "errors", "failures", "recipients", "users", "items",
        "records", "rows", "sends", "conversations", "customers", "people", "phones", "texts", "notifications", "jobs",
    ]

    /// What Cloudflare's most seen 1xxx codes mean (developers.cloudflare.com/support/troubleshooting/cloudflare-errors/).
    static let cloudflareMeaning = [
        "1006": "access denied: the caller's IP is banned", "1010": "access denied: the caller's browser signature is banned",
        "1012": "access denied", "1015": "the caller is rate limited", "1020": "access denied: a firewall rule blocked the request",
    ]

    /// `text` split as `PastedError` reads words: at spaces and brackets, quotes and separators.
    static func words(_ text: String) -> [String] {
        text.split { $0.isWhitespace || ",;()[]{}\"'".contains($0) }
            .map { $0.hasSuffix(".") || $0.hasSuffix(":") ? String($0.dropLast()) : String($0) }.flatMap(PastedError.statusField)
    }

    /// The methods an API log row names before its path, lower-cased (kapso-api.md §5).
    static let httpMethods: Set = ["get", "post", "put", "patch", "delete", "head", "options"]

    static func isNumber(_ word: String) -> Bool { !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isNumber } }
}

extension String {
    /// The string without any of `characters` at its end (`code:` → `code`).
    fileprivate func trimmingSuffix(_ characters: String) -> String {
        var result = self
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return result
    }
}
