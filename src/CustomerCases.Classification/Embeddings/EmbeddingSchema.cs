using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerCases.Classification.Embeddings;

/// <summary>
/// ML.NET schema of the row types that carry an optional "Embedding" column: a fixed-size vector when a model uses it,
/// removed when it does not (so n-gram models keep their text-only input schema).
/// </summary>
internal static class EmbeddingSchema
{
    public const string Column = "Embedding";

    public static SchemaDefinition For<T>(int? dimension)
    {
        var definition = SchemaDefinition.Create(typeof(T));
        var column = definition.Single(c => c.ColumnName == Column);
        if (dimension is { } size)
        {
            column.ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        }
        else
        {
            definition.Remove(column);
        }
        return definition;
    }

    /// <summary>The vector size of the Embedding column a model expects, or null when it takes text only.</summary>
    public static int? DimensionOf(DataViewSchema inputSchema) =>
        inputSchema.GetColumnOrNull(Column)?.Type is VectorDataViewType { Size: > 0 } vector ? vector.Size : null;

    public static IDataView Load<T>(MLContext ml, IEnumerable<T> rows, int? dimension) where T : class =>
        ml.Data.LoadFromEnumerable(rows, For<T>(dimension));
}
