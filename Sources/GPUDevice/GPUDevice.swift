/// Namespace for the GPUDevice module (filled in by its issue).
public enum GPUDeviceModule {}
