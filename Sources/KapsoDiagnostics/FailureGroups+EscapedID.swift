internal import Foundation
public import KapsoClient

// MARK: - An id of the project sent percent-escaped in a failed call's path

extension FailureGroups {
    /// The reading of a 404 whose path holds, percent-escaped, the project's own phone-number id or one of its numbers'
    /// display numbers (`/v24.0/%2B1%20415%20555%200100`, `/v24.0/%31002…`): decoded once, it is named, with the id to
    /// send, never "the id in the path is not in this project" beside a `whois` that finds it (tester61b AK17). Nil when
    /// no escaped segment decodes to one of `numbers`' (another kind of id, or none of theirs, is left to the readings
    /// that know its slot).
    static func escapedProjectIDMeaning(_ endpoint: String, numbers: [PhoneNumber]) -> String? {
        guard endpoint.utf8.contains(UInt8(ascii: "%")), !numbers.isEmpty else { return nil }
        for raw in APIPath.segments(of: endpoint) where raw.contains("%") {
            let segment = String(raw)
            let decoded = APIPath.decoded(segment).trimmingCharacters(in: .whitespaces)
            guard !decoded.isEmpty, decoded != segment else { continue }
            if let number = numbers.first(where: { $0.id == decoded }) {
                return "\(segment) is \(decoded) escaped, the phone-number id of \(number.name ?? number.id): the API read the "
                    + "escape as part of the id; send the id as plain digits"
            }
            if let misplaced = IDResolver.misplacedPhoneNumberID(decoded, numbers: numbers),
                [.displayNumber, .nationalNumber].contains(misplaced.kind)
            {
                return "\(misplaced.statement); it was sent escaped (\(segment)), and a path takes the phone-number id, not the "
                    + "number: use \(misplaced.choices)"
            }
        }
        return nil
    }
}
