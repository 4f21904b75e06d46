/// How the simulator reads a seeded record's `response_status` (Kapso stores an integer; a crafted seed may hold text):
/// the same rule as kops's `JSONValue.recordedHTTPStatus` (the simulator does not import kops's modules): an integer
/// number, or text holding one with blanks around it, a `+`, a `.0` fraction, an `HTTP`/`HTTP/1.1` prefix or a reason
/// phrase (`" 400"`, `"HTTP 400"`, `"400.0"` → 400; tester63b AO7: such rows were status 0 and left out of
/// `errors_only`).
enum RecordedStatus {
    /// What `value` holds: `.status(400)`, `.none` (missing, `null` or 0), or `.unreadable` (`"4e2"`, `-400`).
    enum Reading: Equatable {
        case status(Int)
        case none
        case unreadable
    }

    static func read(_ value: JSONValue?) -> Reading {
        guard let value, !value.isNull else { return .none }
        let number: Int?
        switch value {
        case .int(let int): number = int
        case .double(let double): number = Int(exactly: double)
        case .string(let text): number = read(text)
        default: number = nil
        }
        guard let number else { return .unreadable }
        if number == 0 { return .none }
        return (100...599).contains(number) ? .status(number) : .unreadable
    }

    /// The status number of a row for filters: its status, 0 for none. An unreadable one is not known to be below 400:
    /// `errors_only` keeps it (`isKeptAsError`), so the client sees it and can say it cannot read it.
    static func number(_ value: JSONValue?) -> Int {
        if case .status(let status) = read(value) { return status }
        return 0
    }

    /// Whether `errors_only` keeps the row: a status of 400 or more, or one that cannot be read.
    static func isKeptAsError(_ value: JSONValue?) -> Bool {
        switch read(value) {
        case .status(let status): status >= 400
        case .none: false
        case .unreadable: true
        }
    }

    private static func read(_ text: String) -> Int? {
        guard text.utf8.count <= 64 else { return nil }
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        while let last = rest.last, last == " " || last == "\t" || last == "\n" || last == "\r" { rest = rest.dropLast() }
        if rest.prefix(4).uppercased() == "HTTP" {
            rest = rest.dropFirst(4)
            if rest.first == "/" { rest = rest.dropFirst().drop { $0.isASCII && ($0.isNumber || $0 == ".") } }
            guard rest.first == " " else { return nil }
            rest = rest.drop { $0 == " " }
        }
        if rest.first == "+" { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...6).contains(digits.count), let number = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        if rest.first == ".", rest.count > 1 {
            let fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else { return nil }
            rest = rest.dropFirst(fraction.count + 1)
        }
        guard rest.isEmpty || (rest.first == " " && rest.allSatisfy { $0 == " " || ($0.isASCII && $0.isLetter) }) else { return nil }
        return number
    }
}
