public import KapsoClient
internal import KopsHTTP

/// A WhatsApp Flow's answers as a contact sent them (`interactive.nfm_reply.response_json`, a string of JSON:
/// `{"flow_token": "f1", "pin": "4321", "email": "ana@example.com"}`, kapso-api.md's message fields), read field by
/// field in the order the JSON has them.
///
/// Flows collect logins, payments and verifications (Meta's Flows documentation, "Flow JSON": `PasswordInput`,
/// `TextInput` with `input-type: passcode`; `nfm_reply.response_json` carries every answer with the form's own field
/// names). An answer is one of:
/// - `token`: the `flow_token`, the business's own handle for the flow session, not something the contact typed;
/// - `secret`: a credential the contact typed (`isSecret`): never shown, not even in a `record --keep-pii` transcript;
/// - `personal`: anything else, personal data: shown on the terminal, masked in a transcript unless `--keep-pii`.
public struct FlowAnswer: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case token, secret, personal }

    /// The field's name as the form has it (`Street Address`, `screen_0_Pin_1`): never masked.
    public let key: String
    /// What kops shows of the answer: its text, a nested answer as JSON with its secrets masked, `<redacted>` for a secret.
    public let shown: String
    public let kind: Kind

    /// The answers of `response` (the JSON string Meta sends, or the object some tools pass), in order; nil when it is
    /// not a JSON object.
    public static func answers(_ response: JSONValue?) -> [FlowAnswer]? {
        guard let fields = response?.object ?? response?.string.flatMap({ try? JSONValue.parse(Array($0.utf8)).object }) else {
            return nil
        }
        // A response that is itself a name/value pair (`{"name":"password","value":"…"}`, `FlowAnswers.pairedSecrets`).
        let paired = FlowAnswers.pairedSecrets(in: fields)
        return fields.entries.enumerated().map { index, entry in
            if entry.key == "flow_token" { return FlowAnswer(key: entry.key, shown: text(entry.value), kind: .token) }
            // An answer the redactor masked already (`<redacted>`: a transcript learns from the JSON as it was shown) is one.
            if entry.value.string == Secret.redactedText || FlowAnswers.isSecret(key: entry.key, value: entry.value) || paired.contains(index) {
                return FlowAnswer(key: entry.key, shown: Secret.redactedText, kind: .secret)
            }
            return FlowAnswer(key: entry.key, shown: text(FlowAnswers.redacted(entry.value)), kind: .personal)
        }
    }

    /// `key=shown, key=shown`: the answers as a message's summary lists them, each key and value through `field` (message and
    /// trace escape a line break in it: tester59b AG13).
    public static func listed(_ answers: [FlowAnswer], field: (String) -> String = { $0 }) -> String {
        answers.map { "\(field($0.key))=\(field($0.shown))" }.joined(separator: ", ")
    }

    private static func text(_ value: JSONValue) -> String { value.string ?? value.serialized() }
}

/// Which flow answers are credentials (`FlowAnswer.Kind.secret`), and the answers with those masked.
public enum FlowAnswers {
    /// Words of a field's name that make its answer a credential whatever its value: a password, a PIN (`pin`, `mpin`,
    /// `upi_pin`), a one-time code (`otp`, `totp`), a card's security code (`cvv`, `cvc`, `cvv2`), an API key or token.
    /// `pin` followed by `code` (`in_pin_code`, `pin_code`: an Indian postal code, Meta's address message) is an address.
    static let secretWords: Set<String> = Set(([
        "password", "passwd", "pwd", "passcode", "passphrase", "pass", "pin", "mpin", "otp", "totp", "cvv", "cvc", "cvv2",
        "cvc2", "secret", "token", "apikey", "cardnumber", "securitycode",
        // The same in the languages WhatsApp flows are most often built in (tester61 AI4): Spanish `clave`, `contraseña`
        // (and without its tilde), Portuguese `senha`, French `motdepasse` and `mdp`, German `passwort` and `kennwort`,
        // Italian and Dutch `wachtwoord`.
        "clave", "contraseña", "contrasena", "senha", "motdepasse", "mdp", "passwort", "kennwort", "wachtwoord",
    ] + otherLanguageWords).map(folded))

    /// Three words in a row that name a credential: French `mot de passe` (`mot_de_passe`).
    static let secretTriples: Set<[String]> = [["mot", "de", "passe"]]

    /// Words for "code" (English, Spanish and Portuguese with and without the accent): alone, a field's code is a one-time
    /// code when its answer is one (`isOneTimeCode`: 4 to 8 digits), as a flow's verification screen asks for it; with a
    /// word of `notCredentialCodes` (`codigo_postal`, `promo_code`) it is a postal, product or discount code.
    static let codeWords: Set<String> = Set((["code", "codigo", "código", "cod"] + otherLanguageCodeWords).map(folded))
    static let notCredentialCodes: Set<String> = Set(([
        "postal", "zip", "post", "cep", "pin", "promo", "promocional", "discount", "descuento", "desconto", "coupon", "cupon",
        "cupón", "cupom", "referral", "referido", "product", "producto", "produto", "country", "pais", "país", "area", "área",
        "client", "cliente", "customer", "order", "pedido", "tracking", "rastreio", "seguimiento", "invite", "convite",
    ] + otherLanguageNotCredentialCodes).map(folded))

    /// Words after `otp` that make the field a consent to receive one-time codes, not a code: `otp_opt_in`, `otp_consent`
    /// (Meta's authentication templates ask for such an opt-in).
    static let consentWords: Set<String> = ["opt", "optin", "optout", "consent", "consentimiento", "enabled", "allowed"]

    /// Two words in a row that name a credential: `card_number`, `Card No`, `security code`, `verification_code`.
    static let secretPairs: Set<[String]> = Set(([
        ["card", "number"], ["card", "no"], ["card", "num"], ["security", "code"], ["verification", "code"],
        ["verify", "code"], ["auth", "code"], ["one", "time"], ["api", "key"], ["access", "key"], ["private", "key"],
        ["secret", "key"],
    ] + otherLanguagePairs).map { $0.map(folded) })

    /// True when the answer `value` under `key` is a credential: its field's name says so (`secretWords`, `secretPairs`),
    /// or the value is a payment card's number (`isCardNumber`) in a field that does not name a phone number.
    ///
    /// Words are matched whole (`words(of:)`), never as substrings; a yes/no answer (`true`, a JSON boolean) holds no
    /// credential whatever its field, and `otp` before a consent word (`otp_opt_in`) is the consent to receive codes
    /// (tester61 AI4: it was masked as a code).
    public static func isSecret(key: String, value: JSONValue) -> Bool {
        if value.bool != nil { return false }
        let words = words(of: key)
        for (index, word) in words.enumerated() where secretWords.contains(word) {
            let next = index + 1 < words.count ? words[index + 1] : nil
            if word == "pin", next == "code" { continue }
            if let next, notSecretAfter.contains([word, next]) { continue }
            if word == "otp" || word == "totp", let next, consentWords.contains(next) { continue }
            return true
        }
        if zip(words, words.dropFirst()).contains(where: { secretPairs.contains([$0, $1]) }) { return true }
        if words.count >= 3, (0...(words.count - 3)).contains(where: { secretTriples.contains(Array(words[$0..<($0 + 3)])) }) { return true }
        if !key.utf8.allSatisfy({ $0 < 0x80 }), holdsUnspacedName(key) { return true }
        guard let text = value.string ?? value.numberLiteral else { return false }
        if words.contains(where: codeWords.contains), !words.contains(where: notCredentialCodes.contains), isOneTimeCode(text) { return true }
        return isCardNumber(text) && !words.contains(where: { ["phone", "mobile", "tel", "whatsapp", "cell"].contains($0) })
    }

    /// True for an answer shaped like a one-time code: 4 to 8 ASCII digits, blanks around them aside.
    static func isOneTimeCode(_ text: String) -> Bool {
        let digits = text.trimmingSpaces()
        return (4...8).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `value` with each answer that `isSecret` reads as a credential replaced by `<redacted>`, at any depth; `value`
    /// itself when none is.
    public static func redacted(_ value: JSONValue, key: String? = nil) -> JSONValue {
        switch value {
        case .object(var object):
            let paired = pairedSecrets(in: object)
            for index in object.entries.indices {
                let entry = object.entries[index]
                if entry.key != "flow_token", entry.value.object == nil, entry.value.array == nil,
                    isSecret(key: entry.key, value: entry.value) || paired.contains(index)
                {
                    object.entries[index].value = .string(Secret.redactedText)
                } else {
                    object.entries[index].value = redacted(entry.value, key: entry.key)
                }
            }
            return .object(object)
        case .array(let items):
            return .array(items.map { redacted($0, key: key) })
        default:
            return value
        }
    }

    /// True when `response` (a `response_json` string or object) holds an answer `isSecret` reads as a credential.
    public static func holdsSecret(_ response: JSONValue) -> Bool {
        guard let answers = FlowAnswer.answers(response) else {
            // A list of name/value pairs (`[{"label":"PIN","answer":"…"}]`) is no object of answers, and holds them all the same.
            guard let list = response.array ?? response.string.flatMap({ try? JSONValue.parse(Array($0.utf8)).array }) else { return false }
            return redacted(.array(list)) != .array(list)
        }
        return answers.contains { $0.kind == .secret || $0.shown.contains(Secret.redactedText) }
    }

    /// `response` (a `response_json` string or object) with its credentials masked: a string stays a string of JSON.
    public static func redactedResponse(_ response: JSONValue) -> JSONValue {
        if response.object != nil || response.array != nil { return redacted(response) }
        guard let text = response.string, let parsed = try? JSONValue.parse(Array(text.utf8)), parsed.object != nil || parsed.array != nil else {
            return response
        }
        return .string(redacted(parsed).serialized())
    }

    /// A field name's words, lower case and without diacritics (`folded`): split at anything but a letter or digit and
    /// where a capital follows a lower-case letter (`screen_0_CardNumber_1` → screen, 0, card, number, 1; `Hasło` → haslo).
    static func words(of key: String) -> [String] {
        let words = splitWords(of: key)
        return key.utf8.allSatisfy({ $0 < 0x80 }) ? words : words.map(folded)
    }

    private static func splitWords(of key: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in key {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousLower = false
                continue
            }
            if character.isUppercase, previousLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            previousLower = character.isLowercase || character.isNumber
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// True for a payment card's number as people type one (ISO/IEC 7812): 13 to 19 digits, alone or in groups split by
    /// single spaces or dashes (`4111 1111 1111 1111`), the first 2 to 6 (Mastercard, Visa, American Express, Discover,
    /// UnionPay, JCB), and the Luhn check digit right. A number written `+…` or `00…` is a phone number.
    static func isCardNumber(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        guard let first = trimmed.first, ("2"..."6").contains(first) else { return false }
        var digits: [Int] = []
        var lastWasSeparator = false
        for character in trimmed {
            if let digit = character.wholeNumberValue, character.isASCII {
                digits.append(digit)
                lastWasSeparator = false
            } else if character == " " || character == "-", !lastWasSeparator {
                lastWasSeparator = true
            } else {
                return false
            }
        }
        guard (13...19).contains(digits.count), !lastWasSeparator else { return false }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }
}

extension JSONValue {
    /// A number's text as the JSON had it (`4111111111111111`), nil for anything else.
    fileprivate var numberLiteral: String? {
        if case .number(let text) = self { return text }
        return nil
    }
}
