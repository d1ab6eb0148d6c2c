# The production server: the built web app at / and the API under /api (one Node process).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm install --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_TUI=false npx nx run-many -t build -p api web

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000
# the CJK font embedded in exported PDFs
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends fonts-wqy-microhei && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "dist/apps/api/main.js"]
