-- The split topology's databases (docker-compose.split.yml mounts this into PostgreSQL's first start).
CREATE DATABASE marketplace_users OWNER marketplace TEMPLATE template_postgis;
CREATE DATABASE marketplace_sellers OWNER marketplace TEMPLATE template_postgis;
CREATE DATABASE marketplace_catalog OWNER marketplace TEMPLATE template_postgis;
CREATE DATABASE marketplace_inventory OWNER marketplace TEMPLATE template_postgis;
CREATE DATABASE marketplace_ordering OWNER marketplace TEMPLATE template_postgis;
CREATE DATABASE marketplace_media OWNER marketplace TEMPLATE template_postgis;
CREATE DATABASE marketplace_notifications OWNER marketplace TEMPLATE template_postgis;
