/// Namespace for the ReferenceModels module (filled in by its issue).
public enum ReferenceModelsModule {}
