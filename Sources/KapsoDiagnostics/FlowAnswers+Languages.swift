internal import Foundation

/// A field name's words in the languages flows are built in, read without case or diacritics (`folded`): `Hasło`,
/// `haslo` and `HASŁO` are one word, as are `şifre` and `sifre`, `lösenord` and `losenord`.
///
/// tester62 AK4: a flow answer under `password` in Italian, Polish, Russian, Chinese, Japanese, Korean, Turkish, Swedish,
/// Finnish, Norwegian, Catalan, Indonesian, Malay, Vietnamese, Thai, Hindi or Arabic was printed in clear: only English,
/// Spanish, Portuguese, French, German and Dutch names were read (tester61 AI4). A tax or identity number (the Polish
/// `nip`, `ssn`, `tax_id`) is personal data, no credential: shown on the terminal, masked in a transcript.
/// Words from each language's usual name for a password, a PIN, a secret or a token, and for a verification code
/// (Wiktionary's translations of "password"; Meta's Flows guides name fields in the form's own language).
extension FlowAnswers {
    /// Whole words (any case, diacritics ignored) that name a credential, beside `secretWords`' English ones.
    static let otherLanguageWords: [String] = [
        // Italian `password` is English; `parola` is Turkish for a password (an Italian `parola chiave`, a keyword, is
        // not: `notSecretAfter`), `parola d'ordine` Italian.
        "parola", "segreto", "segreta",
        // Polish, Russian, Turkish, Swedish, Norwegian, Danish, Finnish, Catalan, Hindi.
        "hasło", "sekret", "пароль", "пин", "секрет", "токен", "şifre", "lösenord", "passord", "adgangskode", "salasana",
        "contrasenya", "पासवर्ड", "पिन",
        // Indonesian and Malay `kata sandi` / `kata laluan` written as one word.
        "katasandi", "katalaluan",
    ]

    /// Words in a row that name a credential in those languages (Indonesian and Malay `kata sandi`, `kata laluan`;
    /// Vietnamese `mật khẩu`; Arabic `كلمة المرور`, `كلمة السر`, `رمز التحقق` a verification code).
    static let otherLanguagePairs: [[String]] = [
        ["kata", "sandi"], ["kata", "laluan"], ["mật", "khẩu"], ["كلمة", "المرور"], ["كلمة", "السر"], ["رمز", "التحقق"],
    ]

    /// Names in scripts written without spaces between words, found anywhere in a field's name (`请输入密码`,
    /// `비밀번호확인`): Chinese, Japanese, Korean and Thai words for a password, a PIN or a verification code.
    static let unspacedNames: [String] = [
        "密码", "密碼", "口令", "验证码", "驗證碼", "パスワード", "パスコード", "暗証番号", "認証コード", "確認コード", "비밀번호", "암호",
        "인증번호", "인증코드", "รหัสผ่าน", "รหัสยืนยัน",
    ]

    /// Words for "code" in those languages (Italian, Polish, Russian, Turkish, Finnish, Norwegian, Indonesian, Catalan):
    /// a one-time code when the answer is one (`codeWords`).
    static let otherLanguageCodeWords: [String] = ["codice", "kod", "код", "kodu", "koodi", "kode", "codi"]

    /// Words beside a code word that make it a postal code (Italian, Polish, Russian, Turkish), as `notCredentialCodes`.
    static let otherLanguageNotCredentialCodes: [String] = ["postale", "pocztowy", "почтовый", "posta", "fiscale"]

    /// Pairs whose first word names a credential alone and not with the second: Italian `parola chiave`, a keyword.
    static let notSecretAfter: Set<[String]> = [["parola", "chiave"]]

    /// `word` as names are compared: lower case, diacritics and width ignored (`Hasło` → `haslo`, `şifre` → `sifre`);
    /// ASCII words as they are (lower-cased by `words(of:)` already), without an allocation.
    static func folded(_ word: String) -> String {
        guard !word.utf8.allSatisfy({ $0 < 0x80 }) else { return word }
        // Letters that are no letter with a mark, so folding leaves them (Polish ł, Turkish dotless ı, đ, ø).
        let plain = String(word.map { character -> Character in
            switch character {
            case "ł", "Ł": "l"
            case "ı": "i"
            case "đ", "Đ": "d"
            case "ø", "Ø": "o"
            default: character
            }
        })
        return plain.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// True when `key` holds one of `unspacedNames`: asked only of a key with a byte past ASCII.
    static func holdsUnspacedName(_ key: String) -> Bool {
        unspacedNames.contains { key.contains($0) }
    }
}
