/// What an identifier looks like before anything is fetched: digits (an id or a number in any
/// display form), a UUID (Kapso's own ids), a WAMID, or a business-scoped user id.
///
/// `IDInput.read("+1 415-555-0101")` → `.number(14155550101, international)`;
/// `IDInput.read("A1C2E3F4-0B1D-4E2F-8A3B-5C6D7E8F9012")` → `.uuid("a1c2e3f4-…")`.
public enum IDInput: Sendable, Equatable {
    case number(PhoneNumberText)
    /// Lowercased.
    case uuid(String)
    /// The WAMID as typed and the contact number it carries, if any.
    case wamid(String, contact: String?)
    /// A business-scoped user id as typed (`US.13491208655302741918`, `US.ENT.…`): a contact without a number.
    case businessScopedUserID(String)

    /// Why a text is not an id kops can look up.
    public enum Problem: Error, Sendable, Equatable {
        case empty
        case nonASCII
        case tooLong(characters: Int)
        case number(PhoneNumberText.Problem)
        case wamid(WAMID.Problem)
        /// Neither digits, a UUID nor a WAMID.
        case unknownForm
    }

    /// The longest id accepted (WAMIDs run to about 60 characters).
    public static let maxLength = 200

    /// Reads an id as pasted; surrounding spaces do not count.
    public static func read(_ text: String) -> Result<IDInput, Problem> {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return .failure(.empty) }
        guard trimmed.allSatisfy({ $0.isASCII && !$0.isNewline }) else { return .failure(.nonASCII) }
        if isUUID(trimmed) { return .success(.uuid(trimmed.lowercased())) }
        if BusinessScopedUserID.isValid(trimmed) { return .success(.businessScopedUserID(trimmed)) }
        if !trimmed.contains(where: \.isLetter), trimmed.contains(where: \.isNumber) {
            return PhoneNumberText.parse(trimmed).map(IDInput.number).mapError(Problem.number)
        }
        guard trimmed.count <= maxLength else { return .failure(.tooLong(characters: trimmed.count)) }
        if trimmed.hasPrefix("wamid.") {
            return WAMID.contactNumber(in: trimmed).map { .wamid(trimmed, contact: $0) }.mapError(Problem.wamid)
        }
        return .failure(.unknownForm)
    }

    /// `8-4-4-4-12` hex digits.
    public static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.map(\.count) == [8, 4, 4, 4, 12] && groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }

    /// A typed value safe and short enough to echo in an error line: at most 24 characters, control
    /// characters shown as `?`, e.g. `12345678901234567890123…`.
    public static func echo(_ text: String) -> String {
        let clean = String(text.map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 || $0 == "\u{7F}" ? "?" : $0 })
        return clean.count > 24 ? String(clean.prefix(23)) + "…" : clean
    }
}

extension IDInput.Problem {
    /// What was wrong and what is expected, for an error line.
    public var reason: String {
        switch self {
        case .empty: "nothing was given"
        case .nonASCII: "ids and phone numbers use ASCII letters and digits only; copy the id again from the source"
        case .tooLong(let characters): "\(characters) characters is longer than any id (at most \(IDInput.maxLength))"
        case .number(let problem): problem.reason
        case .wamid(.missingPrefix): "a WAMID starts with 'wamid.'"
        case .wamid(.notBase64): "the part after 'wamid.' is not base64; copy the whole id from the payload"
        case .unknownForm:
            "expected digits (an id or phone number), a UUID, a WAMID or a business-scoped user id (US.<digits>)"
        }
    }
}
