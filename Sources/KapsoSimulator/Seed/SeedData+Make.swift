// MARK: - Choosing a seed

extension SeedData {
    /// The records `seed` starts a simulator with, times relative to `now`.
    static func make(_ seed: SimulatorSeed, now: Timestamp) throws -> SeedData {
        switch seed {
        case .demo: DemoSeed.make(now: now)
        case .zoo: ZooSeed.make(now: now)
        case .empty: SeedData()
        case .scale(let count): ScaleSeed.make(count: count, now: now)
        case .file(let path): try FileSeed.load(path: path)
        }
    }
}
