extension Vigil.Scan {
    /// The text `vigil scan` scores: control characters (C0 but tab, line feed and
    /// carriage return; DEL; C1) become spaces. They carry no words, yet a run of
    /// them read as one long "sentence" looked hostile to the models (20 MB of NUL
    /// bytes scored 0.96). A space keeps every offset of the record pointing at the
    /// same place of the caller's text.
    enum InputText {
        static func cleaned(_ text: String) -> String {
            guard text.utf8.contains(where: isControlByte) else { return text }
            var scalars = String.UnicodeScalarView()
            scalars.append(contentsOf: text.unicodeScalars.lazy.map { isControl($0) ? " " : $0 })
            return String(scalars)
        }

        /// A fast pre-check on the bytes: C0 controls but tab, LF and CR, and DEL;
        /// C1 controls start with the byte 0xC2.
        private static func isControlByte(_ byte: UInt8) -> Bool {
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2
        }

        private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: false
            case 0x00...0x1F, 0x7F...0x9F: true
            default: false
            }
        }
    }
}
