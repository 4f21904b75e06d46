internal import KapsoDiagnostics

extension MessageInput {
    /// An id typed as the first word of a message text, where the user meant whom to write to (tester47 F8):
    /// `reply wamid.HBgL… hello` would send "wamid.HBgL… hello" to the last message's contact, and `reply +14155550157
    /// hello` "+14155550157 hello", each to someone else than meant. Read before any request, as `whois` reads ids
    /// (`IDInput`): a WAMID (`wamid.` and anything after it, a cut one too), a UUID (a conversation's, which `--to`
    /// takes), a business-scoped user id, a WhatsApp username (`@handle`: ASCII letters, digits, `.` and `_`), or a
    /// number written as a contact's or an id (`+` or `00` then digits, or 8 or more bare digits; `2026-12-04` and
    /// `12.50` are no such number). A text quoted whole is one word and not read so (`"+14155550157 is our line"`):
    /// the quotes say it is text.
    struct LeadingID: Equatable {
        /// What the word is, e.g. `a message id (WAMID)`.
        var what: String
        /// The flag that names the word's target: `--message` for a WAMID, `--to` for the rest.
        var flag: String
        /// The id to give that flag: the word as typed, a number with its `+`.
        var id: String

        init?(_ word: String) {
            guard !word.isEmpty, !word.contains(where: \.isWhitespace), word.allSatisfy({ $0.isASCII && !$0.isNewline }) else { return nil }
            if word.lowercased().hasPrefix("wamid.") {
                self.init(what: "a message id (WAMID)", flag: "--message", id: word)
            } else if IDInput.isUUID(word) {
                self.init(what: "a Kapso id (such as a conversation's)", flag: "--to", id: word)
            } else if BusinessScopedUserID.isValid(word) {
                self.init(what: "a business-scoped user id", flag: "--to", id: word)
            } else if word.hasPrefix("@"), word.count > 1,
                word.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || "._".contains($0) })
            {
                self.init(what: "a WhatsApp username", flag: "--to", id: word)
            } else if let digits = Self.numberDigits(word) {
                self.init(what: "a number (a contact's phone number or an id)", flag: "--to", id: "+" + digits)
            } else {
                return nil
            }
        }

        init(what: String, flag: String, id: String) {
            self.what = what
            self.flag = flag
            self.id = id
        }

        /// What to type instead, e.g. `to answer that message: reply --message wamid.… TEXT`.
        func fix(_ command: String) -> String {
            (flag == "--message" ? "to answer that message: " : "to write to that contact: ") + "\(command) \(flag) \(id) TEXT"
        }

        /// The digits of a number written as one word: `+` or `00` then digits (separators `-` `.` `(` `)` allowed, as
        /// `PhoneNumberText` reads them), or 8 or more bare ASCII digits; nil for anything else.
        static func numberDigits(_ word: String) -> String? {
            let international = word.hasPrefix("+") || word.hasPrefix("00")
            guard international || word.allSatisfy(\.isNumber), case .success(let number) = PhoneNumberText.parse(word),
                number.digits.count >= 8
            else { return nil }
            return number.digits
        }
    }
}
