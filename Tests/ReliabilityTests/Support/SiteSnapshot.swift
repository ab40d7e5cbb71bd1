import Foundation

/// Every file of a published site and its bytes: the manifest a test compares sites with.
struct SiteSnapshot {
    /// Bytes by path relative to the site folder; folders are implied by their files.
    var files: [String: Data]
    /// Modification times by path, to tell "untouched" from "rewritten with the same bytes".
    var modificationDates: [String: Date]

    init(of folder: String) throws {
        files = [:]
        modificationDates = [:]
        guard FileManager.default.fileExists(atPath: folder) else { return }
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            let full = folder + "/" + path
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            modificationDates[path] = attributes[.modificationDate] as? Date
        }
    }

    /// Same files with the same bytes, whenever they were written.
    func hasSameFiles(as other: SiteSnapshot) -> Bool { files == other.files }

    /// Paths that differ from `other`, for a readable failure.
    func differences(from other: SiteSnapshot) -> [String] {
        Set(files.keys).union(other.files.keys).filter { files[$0] != other.files[$0] }.sorted()
    }

    /// What a build left beside `site` that it should not have: staging or retired copies, a
    /// lock, a half-written record. The spare and the publication record are kept on purpose.
    static func leftovers(beside site: String) -> [String] {
        let name = URL(fileURLWithPath: site).lastPathComponent
        return everything(beside: site).filter { $0 != ".\(name).spare" && $0 != ".\(name).publication" }
    }

    /// Everything a build keeps or leaves beside `site`.
    static func everything(beside site: String) -> [String] {
        let url = URL(fileURLWithPath: site)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix("." + url.lastPathComponent + ".") }.sorted()
    }
}
