using System.IO;
using System.Runtime.Serialization.Formatters.Binary;
using System.Web.Script.Serialization;
using Newtonsoft.Json;

public class Deser
{
    public object Read(Stream body, string json)
    {
        // ruleid: csharp-insecure-formatter
        var obj = new BinaryFormatter().Deserialize(body);
        // ruleid: csharp-insecure-formatter
        var los = new LosFormatter();
        // ruleid: csharp-insecure-formatter
        var ndc = new NetDataContractSerializer();
        // ok: csharp-insecure-formatter
        var dcs = new DataContractSerializer(typeof(Order));
        // ok: csharp-insecure-formatter
        var order = System.Text.Json.JsonSerializer.Deserialize<Order>(json);

        // ruleid: csharp-javascriptserializer-type-resolver
        var js = new JavaScriptSerializer(new SimpleTypeResolver());
        // ok: csharp-javascriptserializer-type-resolver
        var plain = new JavaScriptSerializer();

        var settings = new JsonSerializerSettings
        {
            // ruleid: csharp-json-typenamehandling
            TypeNameHandling = TypeNameHandling.None,
        };
        var other = new JsonSerializerSettings();
        // ruleid: csharp-json-typenamehandling
        other.TypeNameHandling = TypeNameHandling.None;
        // ok: csharp-json-typenamehandling
        var none = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
        var bound = new JsonSerializerSettings
        {
            // ok: csharp-json-typenamehandling
            TypeNameHandling = TypeNameHandling.Auto,
            SerializationBinder = new AllowListBinder(typeof(Circle), typeof(Square)),
        };
        return JsonConvert.DeserializeObject(json, settings);
    }

    public object ReadShapes(string json)
    {
        var settings = new JsonSerializerSettings();
        // ok: csharp-json-typenamehandling
        settings.TypeNameHandling = TypeNameHandling.Objects;
        settings.SerializationBinder = new AllowListBinder(typeof(Circle), typeof(Square));
        return JsonConvert.DeserializeObject(json, settings);
    }
}

public class Envelope
{
    // ruleid: csharp-json-typenamehandling
    [JsonProperty(TypeNameHandling = TypeNameHandling.None)]
    public object Payload { get; set; }

    // ok: csharp-json-typenamehandling
    [JsonProperty(TypeNameHandling = TypeNameHandling.None)]
    public object Plain { get; set; }
}
