import Foundation
import NumSight

extension WebApp {
    /// The name of the model file beside the page, in ``WebModelFile``'s format; the server
    /// answers `GET /model.bin` with its loaded model, and ``exportStaticSite(model:to:pages:)`` writes it.
    public static let modelFileName = "model.bin"
    /// The training plot's name beside the page, served as `GET /training_history.png`.
    static let trainingHistoryPlotName = "training_history.png"
    /// The page's module that says where recognition runs; the static site gets its own.
    static let deploymentFileName = "deployment.js"
    /// `deployment.js` for a site without a server: every recognition runs in the browser.
    static let staticDeployment = """
        /** Written by `MNISTExample export-web`: a static site, no server; the page recognises in the browser. */
        export const isStaticSite = true;

        """

    /// Writes the page and `model` as a static site into `folder` (created if need be, files of
    /// the same names replaced): the page's files, `model.bin`, a `deployment.js` that tells
    /// the page there is no server, and `training_history.png` when `trainingHistoryPlot` names
    /// a file (the page shows the plot only if it loads). Any static file host can then serve
    /// `folder`; nothing is sent anywhere, and the page works offline once loaded.
    ///
    /// - Returns: the names of the files written, sorted.
    @discardableResult
    public static func exportStaticSite(model: some Layer<Float>, to folder: URL, trainingHistoryPlot: URL? = nil,
                                        pages: URL = bundledPages) throws -> [String]
    {
        let files = FileManager.default
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        let pageFiles = try files.contentsOfDirectory(atPath: pages.path).filter { !$0.hasPrefix(".") }
        guard pageFiles.contains(deploymentFileName) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: pages.appendingPathComponent(deploymentFileName).path])
        }
        for name in pageFiles where name != deploymentFileName {
            let destination = folder.appendingPathComponent(name)
            if files.fileExists(atPath: destination.path) { try files.removeItem(at: destination) }
            try files.copyItem(at: pages.appendingPathComponent(name), to: destination)
        }
        try Data(staticDeployment.utf8).write(to: folder.appendingPathComponent(deploymentFileName))
        try Data(WebModelFile.encode(model)).write(to: folder.appendingPathComponent(modelFileName))
        var written = pageFiles + [modelFileName]
        if let trainingHistoryPlot, files.fileExists(atPath: trainingHistoryPlot.path) {
            let destination = folder.appendingPathComponent(trainingHistoryPlotName)
            if files.fileExists(atPath: destination.path) { try files.removeItem(at: destination) }
            try files.copyItem(at: trainingHistoryPlot, to: destination)
            written.append(trainingHistoryPlotName)
        }
        return written.sorted()
    }
}
