/// Secrets in a result's prose (its lines, hints and field values), redacted before the prose is wrapped.
extension Redactor {
    /// `result` with the text of its `.line`, `.fix`, `.hint` and `.fields` blocks redacted (`redact(_:)`), so each is wrapped
    /// (`ProseWrap`) on the text that is printed. Wrapped first and redacted after, a URL with a secret in its query
    /// was cut for its raw length: a line grew by `<redacted>` past the terminal's width, and a query cut onto a line
    /// of its own was read there without its URL, so the redaction took the `):` after it too (tester53 T1). The
    /// rendered text is still redacted on its way to each sink; blocks laid out as they are (`.command`, `.data`,
    /// `.help`) are left to that.
    ///
    /// The prose is tested first in one pass (`mayNeedRedaction(cells:)`, each text a row of one cell): a result with
    /// nothing to change, nearly every one, is returned as it is.
    func redactingProse(_ result: CommandResult) -> CommandResult {
        var texts: [[StyledText]] = []
        for block in result.blocks {
            switch block {
            case .line(let text): texts.append([text])
            case .fix(let fix): texts.append([StyledText(fix)])
            case .hint(let text): texts.append([StyledText(text)])
            case .fields(let fields): texts += fields.map { [$0.value] }
            case .table, .data, .command, .help: continue
            }
        }
        guard !texts.isEmpty, mayNeedRedaction(cells: texts) else { return result }
        var redacted = result
        redacted.blocks = result.blocks.map { block in
            switch block {
            case .line(let text): .line(StyledText(redact(text.text), style: text.style))
            case .fix(let fix): .fix(redact(fix))
            case .hint(let text): .hint(redact(text))
            case .fields(let fields):
                .fields(fields.map { field in
                    var field = field
                    field.value.text = redact(field.value.text)
                    return field
                })
            case .table, .data, .command, .help: block
            }
        }
        return redacted
    }
}
