extension TranscriptRecorder {
    /// The hashes of the values behind the aliases the masker gave (`PIIMasker+ValueHashes`), kept in the restore file
    /// as each block ends, so `kops check` can tell a kept page's value from another under its alias (tester69b D4).
    func keepValueHashes() {
        guard let masker, let salt = masker.valueSalt, !masker.givenHashes.isEmpty else { return }
        let merged = restore.values.merging(masker.givenHashes) { $1 }
        guard merged != restore.values || restore.salt != salt else { return }
        (restore.values, restore.salt) = (merged, salt)
        if case .file(let path) = destination { saveRestore(besides: path) }
    }
}
