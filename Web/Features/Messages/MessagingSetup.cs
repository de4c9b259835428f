using RedMvc.Domain.Messages;
using StackExchange.Redis;

namespace RedMvc.Web.Features.Messages;

public static class MessagingSetup
{
    /// <summary>
    /// SignalR for live messages. With Redis:Configuration set, every node publishes through the Redis
    /// backplane (channels under the site's key prefix, so sites sharing a Redis do not hear each
    /// other); without it one node needs nothing more.
    /// </summary>
    public static IServiceCollection AddRedMessages(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<MessageLimits>(config.GetSection("Messages"));
        services.AddScoped<MessageQueries>();
        services.AddScoped<MessagePush>();
        services.AddScoped<MessageUploads>();
        var signalR = services.AddSignalR();
        if (RedisConnection.IsConfigured(config))
        {
            var prefix = (string.IsNullOrWhiteSpace(config["Redis:InstanceName"]) ? "redmvc:" : config["Redis:InstanceName"]!) + "messages";
            signalR.AddStackExchangeRedis(config[RedisConnection.ConfigurationKey]!, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(prefix);
                o.Configuration.AbortOnConnectFail = false;
            });
        }
        return services;
    }

    public static WebApplication MapRedMessages(this WebApplication app)
    {
        app.MapHub<MessagesHub>(MessagesHub.Path);
        return app;
    }
}
