/// A share as the text shows it, `part` of `total` in whole percent rounded to the nearest (half up): 6 of 9 is `67 %`,
/// 1 of 8 `13 %` (tester69 C7: they read 66 % and 12 %, cut rather than rounded). Never `0 %` beside a part that is not
/// 0 (`<1 %`: 1 of 201), nor `100 %` beside one short of the whole (`>99 %`: 200 of 201); `0 %` when `total` is 0.
/// Thresholds (a failure rate of 50 % or more) are judged on the exact share, never on this text.
public enum Percent {
    public static func shown(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "0 %" }
        let rounded = (part * 200 + total) / (total * 2)
        if rounded == 0 && part > 0 { return "<1 %" }
        if rounded == 100 && part < total { return ">99 %" }
        return "\(rounded) %"
    }
}
