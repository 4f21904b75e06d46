// MARK: - Several secrets tried on one signature

extension SignatureCheck {
    /// Which of several secrets given for one signature (a rotation's old and new `secret_key`, or the secrets of two
    /// webhooks one receiver serves) the signature was made with.
    ///
    /// Each webhook signs with its own `secret_key` (kapso-api.md §10.1; Meta signs with the app secret), so a
    /// delivery matches one of them; each secret is checked, in the order given, and the first that matches is named.
    public enum SecretChoice: Sendable, Equatable {
        /// The secret at `index` (0-based, in the order given) matches; the ones before it do not.
        case matched(index: Int, count: Int)
        /// None matches; `cause` is the mismatch text (see `init(verdicts:)`).
        case noneMatched(cause: String)

        /// The choice from each secret's verdict, in the order given: nil when the signature is valid with that
        /// secret, else its mismatch cause. A cause that names what is wrong (a secret stored with whitespace, a body
        /// re-formatted) is kept for the secret it belongs to; when every cause is the unexplained list, it is said
        /// once, for all of them. Nil when `verdicts` is empty.
        public init?(verdicts: [String?]) {
            guard !verdicts.isEmpty else { return nil }
            let count = verdicts.count
            if let index = verdicts.firstIndex(where: { $0 == nil }) {
                self = .matched(index: index, count: count)
                return
            }
            let causes = verdicts.compactMap { $0 }
            if let index = causes.firstIndex(where: { !$0.contains(SignatureCheck.unexplained) }) {
                self = .noneMatched(
                    cause: "none of the \(count) secrets given matches as given; with the \(SignatureCheck.ordinal(index)): "
                        + causes[index])
                return
            }
            self = .noneMatched(cause: "none of the \(count) secrets given matches: " + causes[0])
        }

        /// `the 2nd of the 2 secrets given matches; the 1st does not`, for a match; nil otherwise.
        public var note: String? {
            guard case .matched(let index, let count) = self else { return nil }
            let matched = "the \(SignatureCheck.ordinal(index)) of the \(count) secrets given matches"
            guard index > 0 else { return matched }
            let before = (0..<index).map(SignatureCheck.ordinal)
            let named = before.count == 1
                ? before[0] : before.dropLast().joined(separator: ", ") + " and " + (before.last ?? "")
            return matched + "; the " + named + (before.count == 1 ? " does not" : " do not")
        }
    }
}
