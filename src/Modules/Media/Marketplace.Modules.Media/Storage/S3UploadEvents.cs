using System.Net;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Marketplace.Modules.Media.Storage;

/// <summary>
/// An object created in the raw bucket, from an S3 event notification (the JSON shape Lambda receives). Keys arrive
/// URL-encoded and are decoded here. S3 delivers at least once, and some servers send two events for one multipart
/// upload (moto: Put and CompleteMultipartUpload), so consumers deduplicate on <see cref="Identity"/>.
/// </summary>
internal sealed record ObjectCreatedEvent(string EventName, string Bucket, string Key, long Size, string? ETag, string? Sequencer, DateTimeOffset? EventTime)
{
    /// <summary>Same bucket, key and content: the same upload, however many events announced it.</summary>
    public string Identity => $"{Bucket}/{Key}#{ETag?.Trim('"')}";
}

internal static class S3EventParser
{
    /// <summary>
    /// The ObjectCreated records of one notification body. The <c>s3:TestEvent</c> S3 sends when notifications are
    /// configured, and other event types, yield nothing; an SNS envelope is unwrapped. Malformed JSON throws
    /// <see cref="JsonException"/> (the message should go to the dead-letter queue).
    /// </summary>
    public static IReadOnlyList<ObjectCreatedEvent> Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new JsonException("An S3 notification is a JSON object.");
        if (root.TryGetProperty("Type", out var type) && type.GetString() == "Notification" && root.TryGetProperty("Message", out var message))
            return Parse(message.GetString() ?? "{}");
        if (!root.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
            return [];

        var events = new List<ObjectCreatedEvent>();
        foreach (var record in records.EnumerateArray())
        {
            var name = record.TryGetProperty("eventName", out var n) ? n.GetString() ?? "" : "";
            if (!name.StartsWith("ObjectCreated:", StringComparison.Ordinal) || !record.TryGetProperty("s3", out var s3))
                continue;
            var bucket = s3.GetProperty("bucket").GetProperty("name").GetString() ?? "";
            var obj = s3.GetProperty("object");
            // S3 encodes keys like a form: '+' is a space, '%2B' a plus.
            var key = WebUtility.UrlDecode(obj.GetProperty("key").GetString() ?? "");
            var size = obj.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0;
            var etag = obj.TryGetProperty("eTag", out var e) ? e.GetString() : null;
            var sequencer = obj.TryGetProperty("sequencer", out var q) ? q.GetString() : null;
            DateTimeOffset? time = record.TryGetProperty("eventTime", out var t) && t.TryGetDateTimeOffset(out var parsed) ? parsed : null;
            events.Add(new ObjectCreatedEvent(name, bucket, key, size, etag, sequencer, time));
        }

        return events;
    }
}

/// <summary>One SQS message's upload events; acknowledge it once they are handled (or handed on).</summary>
internal sealed record UploadEventMessage(string ReceiptHandle, string MessageId, IReadOnlyList<ObjectCreatedEvent> Events);

/// <summary>
/// Reads the raw bucket's ObjectCreated notifications from SQS (the stand-in for a Lambda trigger): long polls,
/// parses, and deletes a message only when acknowledged, so a crash redelivers it after the visibility timeout.
/// </summary>
internal sealed class SqsUploadEventSource(IAmazonSQS sqs, string queueUrl)
{
    public async Task<IReadOnlyList<UploadEventMessage>> ReceiveAsync(int maxMessages, TimeSpan wait, CancellationToken cancellationToken)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = Math.Clamp(maxMessages, 1, 10),
            WaitTimeSeconds = (int)Math.Clamp(wait.TotalSeconds, 0, 20),
        }, cancellationToken);

        var messages = new List<UploadEventMessage>();
        foreach (var message in response.Messages ?? [])
        {
            IReadOnlyList<ObjectCreatedEvent> events;
            try
            {
                events = S3EventParser.Parse(message.Body);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // Not a notification: left unacknowledged, the queue's redrive policy parks it after N receives.
                continue;
            }

            messages.Add(new UploadEventMessage(message.ReceiptHandle, message.MessageId, events));
        }

        return messages;
    }

    public Task AcknowledgeAsync(UploadEventMessage message, CancellationToken cancellationToken) =>
        sqs.DeleteMessageAsync(queueUrl, message.ReceiptHandle, cancellationToken);

    /// <summary>
    /// Points the bucket's ObjectCreated notifications for keys under <paramref name="prefix"/> at the queue (what
    /// infrastructure does in production; development and tests call it against moto).
    /// </summary>
    public static async Task ConfigureAsync(IAmazonS3 s3, IAmazonSQS sqs, string bucket, string queueUrl, string prefix, CancellationToken cancellationToken)
    {
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["QueueArn"] }, cancellationToken);
        await s3.PutBucketNotificationAsync(new PutBucketNotificationRequest
        {
            BucketName = bucket,
            QueueConfigurations =
            [
                new QueueConfiguration
                {
                    Queue = attributes.QueueARN,
                    Events = [EventType.ObjectCreatedAll],
                    Filter = new Filter
                    {
                        S3KeyFilter = new S3KeyFilter { FilterRules = [new FilterRule("prefix", prefix)] },
                    },
                },
            ],
        }, cancellationToken);
    }
}
