/// Header names reduced to a canonical form: `Adj Close`, `adj_close` and `<ADJCLOSE>` are all `adjclose`.
enum ColumnName {
    static func canonical(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { scalar in
            !(scalar == " " || scalar == "_" || scalar == "<" || scalar == ">" || scalar == "-" || scalar == "\u{FEFF}")
        }.map(Character.init))
    }
}
