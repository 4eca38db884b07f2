# The marketplace host: one image serves GraphQL on 8080 (and, when Server__GrpcPort is set, module contracts).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Host/Marketplace.Host -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_ENVIRONMENT=Production \
    Server__BindAddress=0.0.0.0 \
    Server__HttpPort=8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Marketplace.Host.dll"]
