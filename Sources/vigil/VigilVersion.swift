/// The release this binary reports in `--version` and in its User-Agent.
enum VigilVersion {
    static let string = "0.1.0"
}
