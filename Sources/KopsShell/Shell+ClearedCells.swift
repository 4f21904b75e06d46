internal import KapsoClient

extension Shell {
    /// Prints and records `result` as `show` does, its table cells not tested on their own (`Redactor.redactingCells`)
    /// where the test of the printed text answers for them; returns false, having done nothing, where it cannot.
    ///
    /// Where each cell is in the printed text as its bytes are, with a space, a line feed or the text's edge on either side
    /// (`Renderer.text(_:cellsShown:)`: table mode, no width, no colour), and no secret's form holds a space or a
    /// line feed (`SecretFragments.formsHoldCellGap`), a cell that `needsRedaction` answers true for makes it answer true for
    /// the text: every reading of the test finds in the text what it found in the cell (docs/performance.md, "Session 57",
    /// has the argument reading by reading). So a text it answers false for holds no cell `redact` would change, the cells
    /// redacted first would be these cells, laid out as these, and the text is printed as `write` would print it. The cells'
    /// own test, a second reading of the same bytes, cost 1.19 M instructions of the bench's replay of 50 commands.
    /// `ClearedCellsTests` compares this with the cells' test on random tables.
    func showClearingCellsByText(_ result: CommandResult) -> Bool {
        guard result.revealedSecret == nil, renderer.errorWidth == nil, !redactor.secretFragments.formsHoldCellGap else { return false }
        // `Renderer.text` sets `asTheyAre` false in any other mode or at a terminal's width: the text is not made to be
        // dropped (each NDJSON page of `messages --all --output json` was copied once more, 3.3 M of its 161 M).
        guard renderer.mode == .table, renderer.table.width == nil else { return false }
        var shown = TableRenderer.ShownCells()
        let (out, err) = renderer.text(result, cellsShown: &shown)
        // A cell of spaces only is shown empty, not as it is, so the text's test cannot answer for it: asked on its own
        // (`numbers` marks each number but the selected one with `" "`).
        guard shown.asTheyAre, !shown.blanks.contains(where: { redactor.needsRedaction($0) }) else { return false }
        if result.blocks.contains(where: { if case .table = $0 { true } else { false } }) {
            // A text that may need redaction may hold a cell that does: laid out again from the redacted cells.
            guard !redactor.needsRedaction(out), !redactor.needsRedaction(err) else { return false }
            keepListLayout(of: result)
            if !out.isEmpty { output.write(out, to: .out) }
            if !err.isEmpty { output.write(err, to: .err) }
        } else {
            // No cell: the text `show` would print, redacted on its way out as there.
            write(out, to: .out)
            write(err, to: .err)
        }
        recorder?.record(result, renderer: renderer) { [redactor] in redactor.redact($0) }
        return true
    }

    /// How the list's page was laid out, for `next` to keep (`ListLayout`): its first table's layout.
    func keepListLayout(of result: CommandResult) {
        guard context.session.lastList != nil,
            let table = result.blocks.lazy.compactMap({ block -> Table? in if case .table(let table) = block { table } else { nil } }).first
        else { return }
        context.session.lastList?.layout = renderer.listLayout(of: table)
    }
}
