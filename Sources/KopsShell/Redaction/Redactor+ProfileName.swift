extension Redactor {
    /// The NAME of `profile add NAME …` when it reads as a key (`Profile.nameReadsAsKey`: a hex key no token shape
    /// catches), as a secret of the line: `<redacted>` in the transcript and restore file, the line kept out of the
    /// history file, as `--key-env`'s value is (probe36 P36-12).
    static func profileNameSources(in command: [WordSpan]) -> [(Range<Int>, String)] {
        guard command.count > 2, command[0].word.text == "profile", command[1].word.text == "add",
            Profile.nameReadsAsKey(command[2].word.text)
        else { return [] }
        return [(command[2].source, "<redacted>")]
    }
}
