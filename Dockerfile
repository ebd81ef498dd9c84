# Container image of the connector: ./mvnw -q package -DskipTests && docker build -t wfm-connector:0.1.0 .
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/salesforce-wfm-connector-*.jar /app/connector.jar
COPY routes/ /app/routes/
RUN mkdir -p /app/data && chown 10001 /app/data
USER 10001
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/connector.jar"]
