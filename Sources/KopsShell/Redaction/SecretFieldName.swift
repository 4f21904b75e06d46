/// Which JSON field names hold a secret: a name of `Redactor.secretFields` whole (`token`, `api_key`), or as the last
/// words of a longer name (`client_secret`, `app_secret`, `verify_token`, `crm_refresh_token`, `aws_secret_access_key`,
/// `clientSecret`), the words split at `_`, `-`, `.` or a capital after a lower-case letter.
///
/// The exact list printed a CRM's `metadata` (free-form data an integration fills, kapso-api.md §6) in clear: its
/// `client_secret` and `verify_token` went to `--output json` and `--keep-pii` transcripts, while `?client_secret=` in a
/// URL was masked (probe36 P36-2). A name whose last word only resembles one stays readable: `token_type`,
/// `expires_in`, `prompt_token_count`, `api_key_id` and `api_key_name` (an API log's, kapso-api.md §12) end in
/// another word, `monkey` has no word `key`. A `page_token` or `next_token` (a list's position) and WhatsApp's
/// `flow_token` (an identifier the business makes for a Flow, kapso-api.md's message fields [uncertain: Meta's Flows
/// docs describe it as an identifier, not a credential]) are no secrets.
enum SecretFieldName {
    /// True for a secret field name, given as bytes (ASCII, any case; a non-ASCII name lower-cased first).
    static func isSecret<Name: RandomAccessCollection>(_ name: Name) -> Bool where Name.Element == UInt8, Name.Index == Int {
        guard let last = name.last else { return false }
        for suffix in suffixesEndingIn[Int(ByteSearch.fold(last))] where suffix.count <= name.count {
            let start = name.endIndex - suffix.count
            guard suffix.indices.allSatisfy({ ByteSearch.fold(name[start + $0]) == suffix[$0] }) else { continue }
            guard start == name.startIndex || startsWord(name, at: start) else { continue }
            if suffix == token, start > name.startIndex, isPositionWord(name, before: start) { continue }
            return true
        }
        return false
    }

    /// True when a word starts at `index`: after `_`, `-` or `.`, or a capital after a lower-case letter or digit.
    private static func startsWord<Name: RandomAccessCollection>(_ name: Name, at index: Int) -> Bool
    where Name.Element == UInt8, Name.Index == Int {
        let before = name[index - 1]
        if before == UInt8(ascii: "_") || before == UInt8(ascii: "-") || before == UInt8(ascii: ".") { return true }
        let isUpper = (0x41...0x5A).contains(name[index])
        return isUpper && ((0x61...0x7A).contains(before) || (0x30...0x39).contains(before))
    }

    /// True when the word before `token` (at `index`) names a position or a Flow, not a credential.
    private static func isPositionWord<Name: RandomAccessCollection>(_ name: Name, before index: Int) -> Bool
    where Name.Element == UInt8, Name.Index == Int {
        var end = index
        if name[end - 1] == UInt8(ascii: "_") || name[end - 1] == UInt8(ascii: "-") || name[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard end > name.startIndex else { return false }
        var start = end - 1
        while start > name.startIndex, !startsWordOrSeparator(name, start) { start -= 1 }
        let word = name[start..<end].map(ByteSearch.fold).filter { $0 != UInt8(ascii: "_") && $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ".") }
        return positionWords.contains(word)
    }

    private static func startsWordOrSeparator<Name: RandomAccessCollection>(_ name: Name, _ index: Int) -> Bool
    where Name.Element == UInt8, Name.Index == Int {
        let byte = name[index - 1]
        return byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || startsWord(name, at: index)
    }

    private static let token = Array("token".utf8)
    private static let positionWords: Set<[UInt8]> = Set(["page", "next", "continuation", "sync", "flow", "cursor"].map { Array($0.utf8) })

    /// `Redactor.secretFields` as bytes, grouped by their last byte.
    private static let suffixesEndingIn: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for name in Redactor.secretFields { table[Int(name.utf8.last ?? 0)].append(Array(name.utf8)) }
        return table
    }()
}
